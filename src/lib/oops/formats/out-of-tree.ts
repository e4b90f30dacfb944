import type { ReportFormat } from './report-format.ts';

/*
 * Assertion failures of OpenZFS's Solaris Porting Layer (module/os/linux/spl/spl-err.c
 * spl_panic and spl_dumpstack; spl-debug.c spl_debug_bug in SPL before 0.7), the most widely
 * deployed out-of-tree module whose own reports appear on kernel consoles:
 *
 *   VERIFY3(insert_inode_locked(ip) == 0) failed (-16 == 0)
 *   PANIC at zfs_znode.c:340:zfs_inode_set_ops()            (0.7 and later)
 *   SPLError: 9457:0:(zfs_znode.c:340:zfs_inode_set_ops()) SPL PANIC   (before 0.7)
 *   Showing stack for process 9457
 *
 * The function in the PANIC or SPLError line is where the assertion is, even when the compiler
 * inlined it and the stack does not show it; the stack starts in the SPL's own dump functions.
 */

// The second line of the report names the asserting function.
const PANIC_SITE = /^(?:PANIC at [\w.-]+:\d+:|SPLError: \d+:\d+:\([\w.-]+:\d+:)(\w+)\(\)/;
const SPL_FRAMES = [/^spl_/, /^vcmn_err$/, /^cmn_err$/, /^zfs_panic_recover$/, /^assfail/];

export const outOfTreeFormats: readonly ReportFormat[] = [
  {
    // VERIFY(cond), VERIFY3(a op b) with the values, VERIFY0(x); old SPL's ASSERTION(cond).
    name: 'zfs-verify',
    hint: ') failed',
    header: /^(VERIFY|ASSERTION|ASSERT)[0-9A-Z]*\(.*\) failed/,
    title: 'ZFS: {1} failed in {frame}',
    crashClass: 'BUG',
    frame: { from: 'line', pattern: PANIC_SITE },
    skip: [],
    skipAlso: SPL_FRAMES,
  },
  {
    // The same report when its first line was lost.
    name: 'zfs-panic-at',
    hint: 'PANIC at ',
    header: /^PANIC at [\w.-]+:\d+:(\w+)\(\)/,
    title: 'ZFS: PANIC in {frame}',
    crashClass: 'BUG',
    frame: { from: 'header', group: 1 },
    skip: [],
    skipAlso: SPL_FRAMES,
    consequence: true,
  },
  {
    // Old SPL: `SPLError: 1234:0:(zap.c:444:zap_leaf_pageout()) ASSERTION(x) failed` puts the
    // assertion on the same line; `… SPL PANIC` follows a VERIFY line.
    name: 'spl-error',
    hint: 'SPLError: ',
    header: /^SPLError: \d+:\d+:\([\w.-]+:\d+:(\w+)\(\)\) (ASSERTION|SPL PANIC|VERIFY)/,
    title: 'ZFS: {2} failed in {frame}',
    crashClass: 'BUG',
    frame: { from: 'header', group: 1 },
    skip: [],
    skipAlso: SPL_FRAMES,
    consequence: true,
  },
  {
    // zfs_panic_recover() without zfs_recover set, through vcmn_err(CE_PANIC): `PANIC: zfs:
    // adding existent segment to range tree (offset=1000 size=1000)`. The message is the title.
    name: 'zfs-panic-message',
    hint: 'PANIC: zfs: ',
    header: /^PANIC: zfs: ([A-Za-z][A-Za-z ,_-]*[A-Za-z])/,
    title: 'ZFS: {1}',
    crashClass: 'BUG',
    frame: { from: 'stack' },
    skip: [],
    skipAlso: SPL_FRAMES,
    noStackNeeded: true,
  },
];
