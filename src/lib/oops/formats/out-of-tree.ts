import type { ReportFormat } from './report-format.ts';

/*
 * Assertions of code built outside the C kernel proper: Rust panics, and OpenZFS.
 *
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

// Rust's panic machinery (core::panicking, the kernel's panic handler and its BUG() helper):
// the frame to blame is the Rust function that overflowed, unwrapped or indexed out of range.
const RUST_PANIC_FRAMES = [
  /rust_begin_unwind/, /4core9panicking/, /^rust_helper_BUG$/, /4core6option\d+(?:expect|unwrap)_failed/, /4core6result\d+unwrap_failed/,
  /4core5slice5index/, /4core3fmt/, /^__cfi_/,
];

/*
 * Trusty, Android's trusted OS, runs beside the kernel; its log is copied to the kernel console
 * line by line with a `trusty: ` prefix (drivers/trusty/trusty-log.c of the Android kernels).
 * When it panics (LK's panic(): `panic (caller 0x…): <message>`, then `HALT: (reason = 9)`) the
 * driver's next SMC call fails with a WARN in trusty_std_call32(): that warning is only the
 * consequence, the panic message names the bug. LK's ASSERT()/DEBUG_ASSERT() print `ASSERT FAILED
 * at (file:line): <expression>` as the message: the title keeps the expression, not the place.
 * The console may cut a Trusty line with a kernel timestamp (`caller [ 1117.14] trusty: 0x…`).
 */
const TRUSTY_PANIC = String.raw`^trusty: panic \(caller [^()]{1,80}\): `;

export const outOfTreeFormats: readonly ReportFormat[] = [
  {
    // The message may also start the copied line after a cut one: `trusty: 0x…): ASSERT FAILED …`.
    name: 'trusty-assert',
    hint: 'ASSERT FAILED at (',
    header: new RegExp(`^trusty: (?:panic \\(caller [^()]{1,80}\\): |(?:0x)?[0-9a-f]{1,16}\\): )?(?:DEBUG )?ASSERT FAILED at \\([^()]*\\): (.+?)\\s*$`),
    title: 'trusty: ASSERT FAILED: {1}',
    crashClass: 'DoS',
    frame: { from: 'none' },
    skip: [],
    noStackNeeded: true,
  },
  {
    name: 'trusty-panic',
    hint: 'trusty: panic (caller',
    header: new RegExp(`${TRUSTY_PANIC}(.+?)\\s*$`),
    title: 'trusty: panic: {1}',
    crashClass: 'DoS',
    frame: { from: 'none' },
    skip: [],
    scrubNumbers: true,
    noStackNeeded: true,
  },
  {
    // A panic in the kernel's Rust code (rust/kernel/lib.rs panic handler, pr_emerg of the
    // PanicInfo, then BUG()): since Rust 1.73 `rust_kernel: panicked at rust/kernel/x.rs:60:5:`
    // with the message on the next line, before that `panicked at 'message', file:line:col`.
    // Titled by the message and the function, as syzbot does (`attempt to add with overflow in …`).
    name: 'rust-panic',
    hint: 'panicked at ',
    header: /^(?:\w+: )?panicked at \S+:\d+:\d+:$/,
    title: '{next} in {frame}',
    crashClass: 'BUG',
    frame: { from: 'stack' },
    skip: [],
    skipAlso: RUST_PANIC_FRAMES,
  },
  {
    name: 'rust-panic-quoted',
    hint: 'panicked at ',
    header: /^(?:\w+: )?panicked at '(.+)', \S+:\d+:\d+$/,
    title: '{1} in {frame}',
    crashClass: 'BUG',
    frame: { from: 'stack' },
    skip: [],
    skipAlso: RUST_PANIC_FRAMES,
  },
  {
    // VERIFY(cond), VERIFY3(a op b) with the values, VERIFY0(x); old SPL's ASSERTION(cond).
    name: 'zfs-verify',
    hint: ') failed',
    header: /^(VERIFY|ASSERTION)[0-9A-Z]*\(.*\) failed/,
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
