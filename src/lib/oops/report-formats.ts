import type { FrameGroup } from './frame-filters.ts';
import { compile } from './patterns.ts';

/** Where a format's guilty frame comes from. */
export type FrameSource =
  /** The title names no frame. */
  | { from: 'none' }
  /** A symbol captured by the header pattern (group n), else the stack. */
  | { from: 'header'; group: number }
  /** The faulting instruction (`RIP:`), else the stack. */
  | { from: 'rip' }
  /** The first stack frame not filtered out. */
  | { from: 'stack' }
  /** The function a lock was taken in: `at: FUNC+0x…` after the header. */
  | { from: 'lock' }
  /** For stalls: the stack below the interrupt that caught the CPU, see guilty-frame.ts. */
  | { from: 'stall' }
  /** For lockups: the stuck context's own stack, top to bottom, see guilty-frame.ts. */
  | { from: 'lockup' }
  /** A function named on a line soon after the header (group 1 of `pattern`), else the stack. */
  | { from: 'line'; pattern: RegExp }
  /** The stack printed after a line matching `start` (page_owner's allocation stack), else the main stack. */
  | { from: 'section'; start: RegExp };

/** One kind of report: how to recognise it, what to call it, and whom to blame. */
export interface ReportFormat {
  name: string;
  /** A literal the header line must contain; a cheap test before the pattern. */
  hint: string;
  /** Pattern for the first line of the report, after log prefixes are removed. */
  header: RegExp;
  /**
   * The title. `{frame}` is replaced by the guilty frame (or `corrupted`), `{n}` by capture group
   * n, `{ n}` by a space and group n when it is present, `{Access}` by `Read`/`Write`.
   */
  title: string;
  /** Crash class; `{n}` and `{ACCESS}` (READ or WRITE) are substituted and the result upper-cased. */
  crashClass: string | ((groups: readonly string[], access: string) => string);
  frame: FrameSource;
  /** Frame groups that are never guilty for this kind of report, on top of the always-skipped ones. */
  skip: readonly FrameGroup[];
  /**
   * The title when the report is too damaged to name a frame, by the banner's first word
   * (newer kernels' `WARNING:` banners are titled by their message alone then).
   */
  corruptedTitle?: Readonly<Record<string, string>>;
  /** Skip only `skip` and `skipAlso`, not the groups every other format skips. */
  skipOnly?: boolean;
  /** Extra frame names never guilty for this kind. */
  skipAlso?: readonly RegExp[];
  /** Starts a report only when no report is open: a consequence line such as the final panic. */
  consequence?: boolean;
  /** Replaces numbers in the title by `NUM`, for titles that quote a message. */
  scrubNumbers?: boolean;
  /** The title is kept even when no stack trace follows the header (a one-line report). */
  noStackNeeded?: boolean;
  /** The title to use instead when the report says whether it read or wrote (`Read of size 8`). */
  titleWithAccess?: string;
  /** A header within this many lines after another report's is part of that report (`kernel BUG at mm/usercopy.c` after `usercopy:`). */
  joinsPrevious?: number;
  /** Only a report when the log had other output before it (a machine rebooting mid-run, not a boot log). */
  needsEarlierOutput?: boolean;
  /** Frames only this kind of report's own stack contains (the sanitizer's report function). */
  ownStack?: RegExp;
  /** The frame source to use with titleWithAccess. */
  frameWithAccess?: FrameSource;
}

const SANITIZER_SKIP: readonly FrameGroup[] = ['interrupts', 'allocator', 'debugChecks', 'deviceCore', 'waiting', 'deferredWork', 'fsHelpers'];
const FAULT_SKIP: readonly FrameGroup[] = ['debugChecks', 'deviceCore', 'deferredWork', 'waiting'];
const WARN_SKIP: readonly FrameGroup[] = ['debugChecks', 'allocator', 'deviceCore', 'deferredWork', 'fsHelpers'];
const HANG_SKIP: readonly FrameGroup[] = ['waiting', 'interrupts', 'debugChecks', 'deferredWork', 'deviceCore'];
const LOCK_SKIP: readonly FrameGroup[] = ['waiting', 'debugChecks', 'deferredWork', 'allocator', 'fsHelpers'];
const LEAK_SKIP: readonly FrameGroup[] = ['allocator', 'deviceCore', 'debugChecks'];
// Frames only a KASAN report's own stack has.
const KASAN_STACK = /^(?:__)?kasan_report|^__asan_report|^print_address_description|^kasan_check_range$|^check_memory_region/;

/**
 * A lock validator report: its banner is `WARNING:`, `INFO:` or `BUG:` (older kernels, sometimes
 * in `[ … ]` brackets) and a message; group 1 is that first word, for titles that keep it.
 */
function lockdep(name: string, message: string, title: string, frame: FrameSource, hint = message): ReportFormat {
  return {
    name,
    hint,
    header: new RegExp(`^(WARNING|INFO|BUG): ${message}`),
    title,
    crashClass: 'LOCKDEP',
    frame,
    skip: LOCK_SKIP,
  };
}

/**
 * The report formats, most specific first. Adding a crash kind means adding a row here and a
 * fixture under tests/fixtures/oops/, not editing the parser.
 */
export const reportFormats: readonly ReportFormat[] = [
  // Sanitizers name the bad access in their header.
  {
    // Kernels before 4.11 put the address in the header and the title keeps the symbol as printed.
    name: 'kasan-at-addr',
    hint: 'KASAN:',
    header: compile(String.raw`^BUG: KASAN: ([a-z0-9-]+) in ({FUNC})\+0x[0-9a-fA-F]+/0x[0-9a-fA-F]+ at addr `),
    title: 'KASAN: {1} in {2} at addr ADDR',
    titleWithAccess: 'KASAN: {1} {Access} in {frame}',
    frameWithAccess: { from: 'header', group: 2 },
    crashClass: (groups, access) => sanitizerClass('KASAN', groups[1] ?? '', access),
    frame: { from: 'none' },
    skip: SANITIZER_SKIP,
    scrubNumbers: true,
    noStackNeeded: true,
  },
  {
    name: 'kasan-double-free',
    hint: 'KASAN: double-free or invalid-free',
    header: compile(String.raw`^BUG: KASAN: double-free or invalid-free in ({FUNC})?`),
    title: 'KASAN: invalid-free in {frame}',
    crashClass: 'KASAN-INVALID-FREE',
    frame: { from: 'header', group: 1 },
    skip: SANITIZER_SKIP,
  },
  {
    name: 'kasan-on-address',
    hint: 'KASAN:',
    header: /^BUG: KASAN: ([a-z0-9-]+) on address/,
    title: 'KASAN: {1} {Access}',
    crashClass: (groups, access) => sanitizerClass('KASAN', groups[1] ?? '', access),
    frame: { from: 'none' },
    skip: SANITIZER_SKIP,
    noStackNeeded: true,
  },
  {
    name: 'kasan',
    hint: 'KASAN:',
    header: compile(String.raw`^BUG: KASAN: ([a-z0-9-]+) in ({FUNC})?`),
    title: 'KASAN: {1}{ Access} in {frame}',
    crashClass: (groups, access) => sanitizerClass('KASAN', groups[1] ?? '', access),
    frame: { from: 'header', group: 2 },
    skip: SANITIZER_SKIP,
    ownStack: KASAN_STACK,
  },
  {
    name: 'kmsan',
    hint: 'KMSAN:',
    header: compile(String.raw`^BUG: KMSAN: ([a-z0-9-]+) in ({FUNC})`),
    title: 'KMSAN: {1} in {frame}',
    crashClass: (groups) => kmsanClass(groups[1] ?? ''),
    frame: { from: 'header', group: 2 },
    skip: [...SANITIZER_SKIP, 'socketBuffers'],
    skipAlso: [/^usb_submit_urb$/, /_copy_to_iter$/, /^simple_copy_to_iter$/, /^copyout/, /^instrument_copy/],
  },
  {
    name: 'kfence',
    hint: 'KFENCE:',
    header: compile(String.raw`^BUG: KFENCE: ([a-z -]+?)(?: (read|write))? in ({FUNC})`),
    title: 'KFENCE: {1}{ 2} in {frame}',
    crashClass: (groups) => sanitizerClass('KFENCE', groups[1] ?? '', groups[2] ?? ''),
    frame: { from: 'header', group: 3 },
    skip: SANITIZER_SKIP,
  },
  {
    name: 'kcsan-assert',
    hint: 'KCSAN: assert',
    header: compile(String.raw`^BUG: KCSAN: assert: race in ({FUNC})`),
    title: 'KCSAN: assert: race in {frame}',
    crashClass: 'KCSAN-ASSERT',
    frame: { from: 'header', group: 1 },
    skip: SANITIZER_SKIP,
  },
  {
    name: 'kcsan',
    hint: 'KCSAN:',
    header: compile(String.raw`^BUG: KCSAN: ([a-z-]+) in ({FUNC}) / ({FUNC})`),
    title: 'KCSAN: {1} in {2} / {3}',
    crashClass: 'KCSAN-DATARACE',
    frame: { from: 'header', group: 2 },
    skip: SANITIZER_SKIP,
    noStackNeeded: true,
  },
  {
    name: 'ubsan',
    hint: 'UBSAN:',
    header: /^(?:=+)?UBSAN: ([A-Za-z -]+?) in /,
    title: 'UBSAN: {1|slug} in {frame}',
    crashClass: 'UBSAN',
    frame: { from: 'stack' },
    skip: SANITIZER_SKIP,
    skipAlso: [/^handle_overflow$/, /^handle_(?:null|shift|divrem|out_of_bounds|load_invalid)/],
  },
  // Lock validator reports.
  { ...lockdep('lockdep-circular', 'possible circular locking dependency detected', 'possible deadlock in {frame}', { from: 'lock' }), corruptedTitle: { WARNING: 'WARNING: possible circular locking dependency detected' } },
  lockdep('lockdep-recursive', 'possible recursive locking detected', 'possible deadlock in {frame}', { from: 'lock' }),
  // Named after where the irq-safe lock was taken in interrupt context.
  lockdep('lockdep-irq-unsafe', '(?:SOFTIRQ|HARDIRQ)-(?:safe|READ-safe) -> (?:SOFTIRQ|HARDIRQ)-(?:unsafe|READ-unsafe) lock order detected', 'possible deadlock in {frame}', { from: 'section', start: /which became \S+-irq-safe at:$/ }, 'lock order detected'),
  lockdep('lockdep-irq-lock-inversion', 'possible irq lock inversion dependency detected', 'possible deadlock in {frame}', { from: 'lock' }, 'irq lock inversion'),
  lockdep('lockdep-inconsistent', 'inconsistent lock state', 'inconsistent lock state in {frame}', { from: 'lock' }),
  lockdep('lockdep-bad-unlock', 'bad unlock balance detected', '{1}: bad unlock balance in {frame}', { from: 'lock' }),
  lockdep('lockdep-held-lock-freed', 'held lock freed', '{1}: held lock freed in {frame}', { from: 'lock' }),
  lockdep('lockdep-still-held', '.* still has locks held', '{1}: still has locks held in {frame}', { from: 'lock' }, 'still has locks held'),
  lockdep('lockdep-held-returning', 'lock held when returning to user space', '{1}: lock held when returning to user space in {frame}', { from: 'lock' }),
  lockdep('lockdep-nested', 'Nested lock was not taken', 'WARNING: nested lock was not taken in {frame}', { from: 'stack' }),
  lockdep('lockdep-wait-context', 'Invalid wait context', 'WARNING: locking bug in {frame}', { from: 'stack' }),
  lockdep('lockdep-non-static-key', 'trying to register non-static key', 'INFO: trying to register non-static key in {frame}', { from: 'stack' }),
  lockdep('lockdep-too-low', '(MAX_[A-Z_]+ too low!)', 'BUG: {2}', { from: 'none' }, 'too low!'),
  lockdep('lockdep-leaked', 'workqueue leaked lock or atomic', 'BUG: workqueue leaked lock or atomic in {frame}', { from: 'line', pattern: compile(String.raw`^\s*last function: ({FUNC})`) }),
  {
    ...lockdep('suspicious-rcu', 'suspicious RCU usage', '{1}: suspicious RCU usage in {frame}', { from: 'stack' }),
    skip: [...LOCK_SKIP, 'allocator', 'interrupts'],
    corruptedTitle: { WARNING: 'WARNING: suspicious RCU usage' },
  },
  {
    name: 'spinlock-debug',
    hint: 'on CPU#',
    header: /^BUG: (spinlock|rwlock) (bad magic|already unlocked|lockup suspected|wrong owner|wrong CPU|recursion|cpu recursion) on CPU#/,
    title: 'BUG: {1} {2} in {frame}',
    crashClass: 'LOCKDEP',
    frame: { from: 'stack' },
    skip: LOCK_SKIP,
  },
  // Hangs and stalls.
  {
    name: 'hung-task',
    hint: 'blocked for more than',
    header: /^INFO: task .* blocked for more than \d+ seconds/,
    title: 'INFO: task hung in {frame}',
    crashClass: 'HANG',
    frame: { from: 'stack' },
    skip: HANG_SKIP,
  },
  {
    name: 'task-cant-die',
    hint: "can't die",
    header: /^INFO: task .* can't die for more than \d+ seconds/,
    title: "INFO: task can't die in {frame}",
    crashClass: 'HANG',
    frame: { from: 'stack' },
    skip: HANG_SKIP,
  },
  {
    name: 'rcu-stall',
    hint: 'detected',
    header: /^(?:rcu: )?INFO: rcu_(?:sched|preempt|bh|tasks|tasks_trace)?\s?(?:self-)?detected (?:stalls?|expedited stalls)/,
    title: 'INFO: rcu detected stall in {frame}',
    crashClass: 'HANG',
    frame: { from: 'stall' },
    skip: HANG_SKIP,
  },
  {
    name: 'soft-lockup',
    hint: 'soft lockup',
    header: /^(?:NMI )?(?:watchdog: )?BUG: soft lockup - CPU#\d+ stuck for/,
    title: 'BUG: soft lockup in {frame}',
    crashClass: 'HANG',
    frame: { from: 'lockup' },
    skip: HANG_SKIP,
  },
  {
    name: 'hard-lockup',
    hint: 'hard LOCKUP',
    header: /^(?:watchdog: )?(?:Watchdog detected hard LOCKUP on cpu \d+|NMI watchdog: Watchdog detected hard LOCKUP)/,
    title: 'BUG: hard lockup in {frame}',
    crashClass: 'HANG',
    frame: { from: 'stall' },
    skip: HANG_SKIP,
  },
  {
    name: 'workqueue-lockup',
    hint: 'workqueue lockup',
    header: /^BUG: workqueue lockup - pool/,
    title: 'BUG: workqueue lockup',
    crashClass: 'HANG',
    frame: { from: 'none' },
    skip: HANG_SKIP,
  },
  // Memory faults and traps.
  {
    name: 'null-deref',
    hint: 'NULL pointer dereference',
    header: /^BUG: (?:unable to handle kernel NULL pointer dereference|kernel NULL pointer dereference, address)|^Unable to handle kernel NULL pointer dereference at virtual address/,
    title: 'BUG: unable to handle kernel NULL pointer dereference in {frame}',
    crashClass: 'NULL-POINTER-DEREFERENCE',
    frame: { from: 'rip' },
    skip: FAULT_SKIP,
  },
  {
    name: 'user-access',
    hint: 'access to user memory',
    header: /^Unable to handle kernel access to user memory/,
    title: 'BUG: unable to handle kernel access to user memory in {frame}',
    crashClass: 'DoS',
    frame: { from: 'rip' },
    skip: FAULT_SKIP,
  },
  {
    name: 'paging-request',
    hint: 'nable to handle',
    header: /^(?:BUG: unable to handle (?:kernel paging request|page fault for address)|Unable to handle kernel paging request at virtual address|BUG: Unable to handle kernel data access|BUG: Unable to handle kernel instruction fetch)/,
    title: 'BUG: unable to handle kernel paging request in {frame}',
    crashClass: 'MEMORY_SAFETY_BUG',
    frame: { from: 'rip' },
    skip: FAULT_SKIP,
  },
  {
    name: 'unable-to-handle',
    hint: 'unable to handle kernel',
    header: /^BUG: unable to handle kernel(?:\s*$|\s+\[)/,
    title: 'BUG: unable to handle kernel',
    crashClass: 'MEMORY_SAFETY_BUG',
    frame: { from: 'none' },
    skip: FAULT_SKIP,
  },
  {
    name: 'general-protection-fault',
    hint: 'general protection fault',
    header: /^(?:Oops: )?general protection fault(?:, probably for non-canonical address| for non-canonical address|:)/,
    title: 'general protection fault in {frame}',
    crashClass: 'DoS',
    frame: { from: 'rip' },
    skip: FAULT_SKIP,
  },
  {
    name: 'double-fault',
    hint: 'double fault',
    header: /^PANIC: double fault/,
    title: 'PANIC: double fault in {frame}',
    crashClass: 'DoS',
    frame: { from: 'rip' },
    skip: FAULT_SKIP,
  },
  {
    name: 'divide-error',
    hint: 'divide',
    header: /^(?:Oops: )?divide(?: |_)error: /,
    title: 'divide error in {frame}',
    crashClass: 'DoS',
    frame: { from: 'rip' },
    skip: FAULT_SKIP,
  },
  {
    name: 'stack-segment',
    hint: 'stack segment',
    header: /^(?:Oops: )?stack segment: /,
    title: 'stack segment fault in {frame}',
    crashClass: 'DoS',
    frame: { from: 'rip' },
    skip: FAULT_SKIP,
  },
  {
    name: 'int3',
    hint: 'int3',
    header: /^(?:Oops: )?int3: /,
    title: 'int3 in {frame}',
    crashClass: 'DoS',
    frame: { from: 'rip' },
    skip: [...FAULT_SKIP, 'allocator'],
  },
  {
    name: 'stack-guard',
    hint: 'stack guard page was hit',
    header: /^BUG: (?:TASK |IRQ )?stack guard page was hit at/,
    title: 'BUG: stack guard page was hit in {frame}',
    crashClass: 'DoS',
    // A runaway recursion: blame the entry point that started it, as for a stall.
    frame: { from: 'lockup' },
    skip: [...FAULT_SKIP, 'interrupts', 'locking'],
  },
  {
    name: 'stack-overflow',
    hint: 'kernel stack overflow',
    header: /^(?:BUG|Oops|Insufficient stack space).*kernel stack overflow/,
    title: 'kernel stack overflow in {frame}',
    crashClass: 'DoS',
    frame: { from: 'stack' },
    skip: FAULT_SKIP,
  },
  {
    name: 'arm-unhandled-fault',
    hint: 'Unhandled fault',
    header: /^Unhandled fault: /,
    title: 'Unhandled fault in {frame}',
    crashClass: 'DoS',
    frame: { from: 'rip' },
    skip: FAULT_SKIP,
  },
  {
    name: 'arm-alignment-trap',
    hint: 'Alignment trap',
    header: /^Alignment trap: /,
    title: 'Alignment trap in {frame}',
    crashClass: 'DoS',
    frame: { from: 'rip' },
    skip: FAULT_SKIP,
  },
  // Assertions.
  {
    name: 'kernel-bug',
    hint: 'kernel BUG',
    header: /^(?:------------\[ cut here \]------------)?kernel BUG at ([^\s!]+)/,
    title: 'kernel BUG in {frame}',
    joinsPrevious: 3,
    crashClass: 'BUG',
    frame: { from: 'rip' },
    skip: [...FAULT_SKIP, 'allocator'],
    skipAlso: [/^folio_unlock$/, /^unlock_page$/, /^rust_helper_BUG$/],
  },
  {
    // An invalid-opcode trap with no `kernel BUG at` line before it (a BUG() without the file
    // and line, or a UD2 reached another way).
    name: 'invalid-opcode',
    hint: 'invalid opcode',
    header: /^(?:Oops: )?invalid opcode: [0-9a-f]{4}/,
    title: 'invalid opcode in {frame}',
    crashClass: 'DoS',
    frame: { from: 'rip' },
    skip: FAULT_SKIP,
    consequence: true,
  },
  {
    name: 'bad-usercopy',
    hint: 'usercopy: Kernel memory',
    header: /^usercopy: Kernel memory (?:exposure|overwrite) attempt detected/,
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
    header: /^BUG: Bad page state(?: in process)?/,
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
    name: 'slab-object-free',
    hint: 'Object already free',
    header: /^BUG \S+ \(.*\): Object already free/,
    title: 'BUG: Object already free',
    crashClass: 'DoS',
    frame: { from: 'none' },
    skip: [],
    noStackNeeded: true,
  },
  {
    name: 'list-corruption',
    hint: 'list_',
    header: /^(?:list_add|list_del|list_del_entry|__list_add|__list_del_entry|hlist_add|list_splice)(?:_valid)?(?: corruption|.*corruption)/,
    title: 'BUG: corrupted list in {frame}',
    crashClass: 'MEMORY_SAFETY_BUG',
    frame: { from: 'stack' },
    skip: [...FAULT_SKIP],
  },
  {
    name: 'scheduling-while-atomic',
    hint: 'scheduling while atomic',
    header: /^BUG: scheduling while atomic/,
    title: 'BUG: scheduling while atomic in {frame}',
    crashClass: 'ATOMIC_SLEEP',
    frame: { from: 'stack' },
    skip: [...HANG_SKIP],
  },
  {
    name: 'sleeping-in-atomic',
    hint: 'sleeping function called from invalid context',
    header: /^BUG: sleeping function called from invalid context/,
    title: 'BUG: sleeping function called from invalid context in {frame}',
    crashClass: 'ATOMIC_SLEEP',
    frame: { from: 'stack' },
    skip: [...HANG_SKIP],
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
  // Warnings: the source file decides the subkind, see warning-kinds.ts.
  {
    name: 'warning',
    hint: 'WARNING:',
    header: compile(
      String.raw`^WARNING: (?:CPU: \d+ (?:UID: \d+ )?PID: -?\d+ at ({SRC}) ?({FUNC})?|at ({SRC}) ({FUNC})|(?:\[[^\]]*\] )?({SRC}) at (?:0x0|({FUNC})\+0x[0-9a-fA-F]+/0x[0-9a-fA-F]+), CPU#)`,
    ),
    title: 'WARNING in {frame}',
    crashClass: 'WARNING',
    frame: { from: 'header', group: 2 },
    skip: WARN_SKIP,
  },
  {
    name: 'warning-message',
    consequence: true,
    hint: 'WARNING: ',
    header: /^(?:[a-z0-9_-]+ [0-9.:-]+: )?WARNING: ([A-Za-z][^:]*?)\s*$/,
    title: 'WARNING: {1}',
    crashClass: 'WARNING',
    frame: { from: 'none' },
    skip: WARN_SKIP,
    noStackNeeded: true,
  },
  {
    // The frame-pointer unwinder's complaint about a stack it cannot walk.
    name: 'unwinder-bad-stack',
    hint: 'WARNING: kernel stack',
    header: /^WARNING: kernel stack (?:regs|frame pointer) at .* has bad/,
    title: 'WARNING: kernel stack regs has bad value',
    crashClass: 'WARNING',
    frame: { from: 'none' },
    skip: [],
    noStackNeeded: true,
  },
  {
    // SLUB debugging's object history, when the report it belongs to was lost (`** N printk
    // messages dropped **`): the allocation or free site and its age.
    name: 'slub-object-history',
    hint: ' in ',
    header: compile(String.raw`^INFO: (Allocated|Freed) in ({FUNC})\+0x[0-9a-fA-F]+/0x[0-9a-fA-F]+ (age=\d+ cpu=\d+ pid=\d+)`),
    title: 'INFO: {1} in {2} {3}',
    crashClass: 'DoS',
    frame: { from: 'none' },
    skip: [],
    consequence: true,
    scrubNumbers: true,
    noStackNeeded: true,
  },
  {
    // The firmware banner of a machine that rebooted in the middle of a run.
    name: 'unexpected-reboot',
    hint: 'BIOS',
    header: /^SeaBIOS \(version /,
    title: 'unexpected kernel reboot',
    crashClass: 'REBOOT',
    frame: { from: 'none' },
    skip: [],
    consequence: true,
    noStackNeeded: true,
    needsEarlierOutput: true,
  },
  // The fuzzer's own Go runtime dying, printed on the same console.
  {
    name: 'go-runtime',
    hint: 'runtime',
    header: /^(?:fatal error: runtime|runtime: out of memory|panic: runtime error)/,
    title: 'go runtime error',
    crashClass: 'DoS',
    frame: { from: 'none' },
    skip: [],
    consequence: true,
    noStackNeeded: true,
  },
  // Panics, mostly consequences of a report above.
  {
    name: 'stack-protector',
    hint: 'stack is corrupted in',
    header: compile(String.raw`^Kernel panic - not syncing: stack-protector: Kernel stack is corrupted in: (?:({FUNC})\+0x)?`),
    title: 'kernel panic: stack is corrupted in {frame}',
    crashClass: 'DoS',
    frame: { from: 'header', group: 1 },
    skip: [],
    consequence: true,
  },
  {
    name: 'stack-end-corrupted',
    hint: 'corrupted stack end',
    header: /^Kernel panic - not syncing: corrupted stack end detected inside scheduler/,
    title: 'kernel panic: corrupted stack end in {frame}',
    crashClass: 'DoS',
    frame: { from: 'lockup' },
    skip: [...HANG_SKIP],
    consequence: true,
  },
  {
    name: 'stack-overflow-panic',
    hint: 'kernel stack overflow',
    header: /^Kernel panic - not syncing: kernel stack overflow/,
    title: 'kernel stack overflow in {frame}',
    crashClass: 'DoS',
    frame: { from: 'lockup' },
    skip: FAULT_SKIP,
    consequence: true,
  },
  {
    name: 'panic',
    hint: 'Kernel panic - not syncing',
    header: /^Kernel panic - not syncing: (.*?)(?: exitcode=0x[0-9a-f]+| for \S+ --- error.*| \.\.\.)?\s*$/,
    title: 'kernel panic: {1}',
    crashClass: 'DoS',
    frame: { from: 'none' },
    skip: [],
    consequence: true,
    scrubNumbers: true,
    noStackNeeded: true,
  },
  {
    // The generic oops banner, for faults no row above names (arm64 `Internal error: Oops`).
    name: 'internal-error',
    hint: 'Internal error:',
    header: /^Internal error: (?!Oops)([A-Za-z ]+?)(?::| \[)/,
    title: 'Internal error in {frame}',
    crashClass: 'DoS',
    frame: { from: 'rip' },
    skip: FAULT_SKIP,
  },
];

/**
 * Sanitizer classes keep the kind for use-after-free, invalid frees, null dereferences and
 * memory corruption; every other bad access (out-of-bounds, wild, user memory) reduces to the
 * direction of the access, a read when the report does not say.
 */
function sanitizerClass(tool: string, kind: string, access: string): string {
  const parts = [tool];
  const normalized = kind.replace(/^slab-use-after-free$/, 'use-after-free').replace(/ /g, '-');
  if (/use-after-free|null-ptr-deref|invalid-free|double-free|memory-corruption/.test(normalized)) {
    parts.push(normalized.replace(/null-ptr-deref/, 'null-pointer-dereference').replace(/^double-free$/, 'invalid-free'));
  }
  if (!/invalid-free|double-free|corruption/.test(normalized)) parts.push(access || 'read');
  return parts.join('-').toUpperCase();
}

/** KMSAN's classes: uninitialised values, and infoleaks of every flavour. */
function kmsanClass(kind: string): string {
  return /infoleak/.test(kind) ? 'KMSAN-INFO-LEAK' : `KMSAN-${kind}`.toUpperCase();
}
