import { compile } from '../patterns.ts';
import type { ReportFormat } from './report-format.ts';
import { ARM_UNWINDER, FAULT_SKIP, WARN_SKIP, HANG_SKIP, LEAK_SKIP } from './skip-sets.ts';

const RT_LOCK_SLOWPATH = [/^rtlock_/, /^rt_spin_lock/, /^rt_read_lock$/, /^rt_write_lock$/, /^rwbase_/, /^__rt_mutex/, /^rt_mutex_/];

/**
 * What a BUG() trap report is, however its banner reads: titled and blamed by the instruction
 * that trapped, past the helpers that call BUG() on their caller's behalf (folio_unlock's
 * VM_BUG_ON, the Rust BUG helper, assfail(): XFS's and the SPL's assertion helpers).
 */
const BUG_TRAP = {
  title: 'kernel BUG in {frame}',
  joinsPrevious: 3,
  crashClass: 'BUG',
  frame: { from: 'rip' },
  skip: [...FAULT_SKIP, 'allocator'],
  skipAlso: [/^folio_unlock$/, /^unlock_page$/, /^rust_helper_BUG$/, /^assfail$/],
} satisfies Partial<ReportFormat>;

/**
 * A sleep in atomic context, however it was caught: blamed on the first frame past the scheduler,
 * the waits and the stack printers. PREEMPT_RT sleeps in the slow path of a spinlock
 * (kernel/locking/rtmutex.c, spinlock_rt.c): the caller that took the lock in atomic context is
 * the one to blame.
 */
const ATOMIC_SLEEP = {
  crashClass: 'ATOMIC_SLEEP',
  frame: { from: 'stack' },
  skip: [...HANG_SKIP],
  skipAlso: [...ARM_UNWINDER, ...RT_LOCK_SLOWPATH],
} satisfies Partial<ReportFormat>;

/** Assertions and consistency checks: BUG(), usercopy, page and list checks, atomic sleeps, leaks. */
export const assertionFormats: readonly ReportFormat[] = [
  {
    // kernel/cfi.c report_cfi_failure(): an indirect call whose target's type hash did not match
    // (`CFI failure at caller+0x1c/0x40 (target: handler+0x0/0x20 [mod]; expected type:
    // 0x12345678)`), then BUG() (x86 `Oops: invalid opcode`, arm64 `Internal error: Oops - CFI`)
    // or, with CONFIG_CFI_PERMISSIVE or `cfi=warn`, a WARNING; a subsystem prefix (`CFI: `) may lead. The call site is the function
    // that made the call with the wrong type; the target is named in the line.
    name: 'cfi-failure',
    hint: 'CFI failure at ',
    header: compile(String.raw`^(?:[\w.-]{1,20}: )?CFI failure at ({FUNC})(?:\+0x[0-9a-fA-F]+/0x[0-9a-fA-F]+)?(?: \[[\w-]+\])? \((?:target: ({FUNC})|no target information)`),
    title: 'CFI failure in {frame}',
    crashClass: 'BUG',
    frame: { from: 'header', group: 1 },
    skip: [],
    absorbsNext: 4,
  },
  {
    // arch/x86/kernel/cet.c (traps.c before 6.6, whose `traps: ` prefix the line then carries)
    // do_kernel_cp_fault(): with Indirect Branch
    // Tracking an indirect call or jump landed on an instruction that is not ENDBR
    // (`Missing ENDBR: handler+0x0/0x20 [mod]`), then BUG(), or a WARNING with `ibt=warn`. The
    // landing function is the one named: it was reached indirectly without being marked as an
    // indirect-branch target (a module built without IBT, a function the compiler did not
    // expect to be called through a pointer).
    name: 'missing-endbr',
    hint: 'Missing ENDBR: ',
    header: compile(String.raw`^(?:[\w.-]{1,20}: )?Missing ENDBR: ({FUNC})(?:\+0x[0-9a-fA-F]+/0x[0-9a-fA-F]+)?(?: \[[\w-]+\])?`),
    title: 'Missing ENDBR in {frame}',
    crashClass: 'BUG',
    frame: { from: 'header', group: 1 },
    skip: [],
    absorbsNext: 4,
  },
  {
    // fs/xfs/xfs_error.c xfs_error_report(): an XFS consistency check failed (`XFS (dm-2):
    // Internal error XFS_WANT_CORRUPTED_GOTO at line 1651 of file fs/xfs/libxfs/xfs_alloc.c.
    // Caller xfs_free_ag_extent+0x3fd/0x760 [xfs]`), then the stack (xfs_stack_trace) and, from
    // xfs_corruption_error(), `Corruption detected. Unmount and run xfs_repair`; a shutdown of
    // the filesystem usually follows. The caller is the check that failed. Older kernels
    // printed it as an address (`Caller 0xffffffffa02b1c2d`): the stack past the reporting
    // functions names it then.
    name: 'xfs-internal-error',
    hint: 'Internal error ',
    header: compile(String.raw`^XFS \([^()]{1,64}\): Internal error (\S+) at line \d+ of file \S+?\.?\s+Caller (?:({FUNC})(?:\+0x[0-9a-fA-F]+/0x[0-9a-fA-F]+)?(?: \[[\w-]+\])?|0x[0-9a-fA-F]+)`),
    title: 'XFS: Internal error {1} in {frame}',
    crashClass: 'CORRUPTION',
    frame: { from: 'header', group: 2 },
    skip: [],
    skipAlso: [/^xfs_error_report$/, /^xfs_corruption_error$/, /^xfs_stack_trace$/, /^xfs_buf_corruption_error$/, /^xfs_verifier_error$/, /^xfs_inode_verifier_error$/],
    noStackNeeded: true,
  },
  {
    // xfs_verifier_error(): a metadata block failed its verifier when it was read or written
    // (`XFS (sda1): Metadata corruption detected at xfs_dir3_block_read_verify+0x9e/0xc0 [xfs],
    // xfs_dir3_block block 0x1a0`; `Metadata CRC error detected at …`), then `Unmount and run
    // xfs_repair` and a hex dump; the stack only at a raised fs.xfs.error_level. The verifier
    // names the kind of block.
    name: 'xfs-metadata-corruption',
    hint: ' detected at ',
    header: compile(String.raw`^XFS \([^()]{1,64}\): Metadata (corruption|CRC error) detected at ({FUNC})(?:\+0x[0-9a-fA-F]+/0x[0-9a-fA-F]+)?`),
    title: 'XFS: Metadata {1} detected in {frame}',
    crashClass: 'CORRUPTION',
    frame: { from: 'header', group: 2 },
    skip: [],
    noStackNeeded: true,
  },
  {
    name: 'kernel-bug',
    hint: 'kernel BUG',
    header: /^(?:------------\[ cut here \]------------)?kernel BUG at ([^\s!]+)/,
    ...BUG_TRAP,
  },
  {
    // arm and arm64 die() for a BUG() trap (arch/arm/kernel/traps.c bug_handler,
    // arch/arm64/kernel/traps.c bug_brk_handler): `Internal error: Oops - BUG: 0 [#1] SMP ARM`.
    // Right after `kernel BUG at file:line!` it is part of that report; alone (BUG() built
    // without CONFIG_DEBUG_BUGVERBOSE) it is the report.
    name: 'arm-oops-bug',
    hint: 'Oops - BUG',
    header: /^Internal error: Oops - BUG: [0-9a-f]+ \[#\d+\]/,
    ...BUG_TRAP,
  },
  {
    // An invalid-opcode trap with no `kernel BUG at` line before it (a BUG() without the file
    // and line, or a UD2 reached another way).
    name: 'invalid-opcode',
    // 2.6 kernels before 2.6.19 (arch/i386/kernel/traps.c) named the trap `invalid operand`.
    hint: 'invalid op',
    header: /^(?:Oops: )?invalid (?:opcode|operand): [0-9a-f]{4}/,
    title: 'invalid opcode in {frame}',
    crashClass: 'DoS',
    frame: { from: 'rip' },
    skip: FAULT_SKIP,
    consequence: true,
  },
  {
    name: 'bad-usercopy',
    // mm/usercopy.c usercopy_abort(): `usercopy: Kernel memory exposure attempt detected from
    // SLUB object 'kmalloc-64' (offset 0, size 1024)!`; 4.8 to 4.15 (report_usercopy) began
    // `usercopy: kernel memory overwrite attempt detected to ffff… (kmalloc-64) (1024 bytes)`.
    hint: 'usercopy: ',
    header: /^usercopy: [Kk]ernel memory (?:exposure|overwrite) attempt detected/,
    title: 'BUG: bad usercopy in {frame}',
    crashClass: 'BUG',
    frame: { from: 'stack' },
    skip: [...FAULT_SKIP],
  },
  {
    // With page_owner the report says who allocated the page, and that names the culprit
    // better than the free path that noticed it.
    name: 'bad-page-state',
    hint: 'Bad page state',
    // mm/page_alloc.c bad_page(): `BUG: Bad page state in process syz  pfn:1a2b3` since 2.6.30;
    // before, `Bad page state in process 'swapper'` (2.6.1x `Bad page state at free_hot_cold_page`).
    header: /^(?:BUG: )?Bad page state(?: in process| at \w+)/,
    title: 'BUG: Bad page state in {frame}',
    crashClass: 'BUG',
    frame: { from: 'section', start: /^page last allocated via/ },
    skip: ['debugChecks', 'allocator'],
  },
  {
    name: 'bad-page-map',
    hint: 'Bad page map',
    header: /^BUG: Bad page map(?: in process)?/,
    title: 'BUG: Bad page map',
    crashClass: 'BUG',
    frame: { from: 'none' },
    skip: [],
    noStackNeeded: true,
  },
  {
    name: 'bad-rss-counter',
    hint: 'Bad rss-counter',
    header: /^BUG: Bad rss-counter state/,
    title: 'BUG: Bad rss-counter state',
    crashClass: 'BUG',
    frame: { from: 'none' },
    skip: [],
    noStackNeeded: true,
  },
  {
    // mm/filemap.c filemap_unaccount_folio() (unaccount_page_cache_page() before 5.16): a page
    // still mapped when it leaves the page cache, `BUG: Bad page cache in process syz  pfn:1a2b3`,
    // then dump_page() and dump_stack(). The page cache's removal path is where it was noticed;
    // the caller that truncated or evicted the page is the one to look at.
    name: 'bad-page-cache',
    hint: 'Bad page cache',
    header: /^BUG: Bad page cache in process/,
    title: 'BUG: Bad page cache in {frame}',
    crashClass: 'BUG',
    frame: { from: 'stack' },
    skip: ['debugChecks', 'allocator'],
    skipAlso: [/^filemap_unaccount_folio$/, /^unaccount_page_cache_page$/, /^__filemap_remove_folio$/, /^filemap_remove_folio$/, /^__delete_from_page_cache$/, /^delete_from_page_cache/],
  },
  {
    // kernel/fork.c check_mm(): page tables still accounted to an mm being freed, after the
    // `BUG: Bad rss-counter state` lines when there are any. No stack follows. The counter was
    // `nr_ptes` (and `nr_pmds` from 4.0) until 4.15 merged them into `pgtables_bytes`.
    name: 'nonzero-pgtables',
    hint: 'on freeing mm',
    header: /^BUG: non-zero (pgtables_bytes|nr_ptes|nr_pmds|nr_puds) on freeing mm: -?\d+/,
    title: 'BUG: non-zero {1} on freeing mm: NUM',
    crashClass: 'BUG',
    frame: { from: 'none' },
    skip: [],
    noStackNeeded: true,
  },
  {
    name: 'list-corruption',
    hint: 'list_',
    // lib/list_debug.c: `list_add corruption. next->prev should be prev (…)`, `list_del
    // corruption, ffff…->next is LIST_POISON1 (…)`, and since 4.x `list_add double add: new=…`.
    header: /^(?:list_add|list_del|list_del_entry|__list_add|__list_del_entry|hlist_add|list_splice)(?:_valid)?(?: corruption|.*corruption| double add:)/,
    title: 'BUG: corrupted list in {frame}',
    crashClass: 'MEMORY_SAFETY_BUG',
    frame: { from: 'stack' },
    skip: [...FAULT_SKIP],
    // Kernels before 4.10 printed the message right after a `WARNING: … at lib/list_debug.c` banner.
    joinsPrevious: 2,
  },
  {
    name: 'scheduling-while-atomic',
    hint: 'scheduling while atomic',
    // kernel/sched/core.c __schedule_bug(): `BUG: scheduling while atomic: syz/1/0x00000002`;
    // 2.5 and 2.6 kernels before 2.6.16 printed `bad: scheduling while atomic!`.
    header: /^(?:BUG: scheduling while atomic|bad: scheduling while atomic!)/,
    title: 'BUG: scheduling while atomic in {frame}',
    ...ATOMIC_SLEEP,
  },
  {
    name: 'sleeping-in-atomic',
    hint: 'sleeping function called from invalid context',
    // kernel/sched/core.c __might_resched(); kernels before 2.6.18 (kernel/sched.c __might_sleep)
    // began it with `Debug:` instead of `BUG:`.
    header: /^(?:BUG|Debug): sleeping function called from invalid context/,
    title: 'BUG: sleeping function called from invalid context in {frame}',
    ...ATOMIC_SLEEP,
  },
  {
    name: 'this-cpu-preemptible',
    hint: 'in preemptible',
    header: /^BUG: using (__this_cpu_\w+\(\)|smp_processor_id\(\)) in preemptible/,
    title: 'BUG: using {1} in preemptible code in {frame}',
    crashClass: 'LOCKDEP',
    frame: { from: 'stack' },
    // The check fires wherever the per-CPU access is, fault handlers included: only the
    // check itself and the stack dump are skipped.
    skip: [],
    skipOnly: true,
    skipAlso: [/^(?:__)?dump_stack/, /^check_preemption_disabled$/, /^debug_smp_processor_id$/, /^__this_cpu_preempt_check$/, /^(?:__)?this_cpu_/, /^lockdep_/, /^trace_hardirqs/],
  },
  {
    name: 'dentry-in-use',
    hint: 'Dentry',
    // `BUG: Dentry ffff…{i=0,n=.index}  still in use (1) [unmount of ext4 loop4]`: the title
    // names the operation in brackets, the filesystem varies.
    header: /^BUG: Dentry \S+\s+still in use(?: \(\d+\))? \[(\w+)/,
    title: 'BUG: Dentry still in use in {1}',
    crashClass: 'BUG',
    frame: { from: 'none' },
    skip: WARN_SKIP,
    noStackNeeded: true,
  },
  {
    name: 'memory-leak',
    hint: 'memory leak',
    header: /^BUG: memory leak$/,
    title: 'memory leak in {frame}',
    crashClass: 'LEAK',
    frame: { from: 'stack' },
    skip: LEAK_SKIP,
  },
  {
    // kmemleak's own output, when no `BUG: memory leak` line announced it.
    name: 'kmemleak-object',
    hint: 'unreferenced object',
    header: /^unreferenced object 0x[0-9a-f]+ \(size \d+\):/,
    title: 'memory leak in {frame}',
    crashClass: 'LEAK',
    frame: { from: 'stack' },
    skip: LEAK_SKIP,
    consequence: true,
  },
  {
    name: 'vfs-busy-inodes',
    hint: 'Busy inodes after unmount',
    header: /^VFS: Busy inodes after unmount of /,
    title: 'VFS: Busy inodes after unmount (use-after-free)',
    crashClass: 'DoS',
    frame: { from: 'none' },
    skip: [],
    noStackNeeded: true,
  },
  {
    name: 'netdev-unregister',
    consequence: true,
    hint: 'waiting for',
    header: /^unregister_netdevice: waiting for \S+ to become free/,
    title: 'unregister_netdevice: waiting for DEV to become free',
    crashClass: 'DoS',
    frame: { from: 'none' },
    skip: [],
    noStackNeeded: true,
  },
  {
    name: 'vfs-file-count',
    consequence: true,
    hint: 'file count is',
    header: /^VFS: Close: file count is 0/,
    title: 'VFS: Close: file count is zero (use-after-free)',
    crashClass: 'DoS',
    frame: { from: 'none' },
    skip: [],
    noStackNeeded: true,
  },
];
