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
  | { from: 'stall' };

/** One kind of report: how to recognise it, what to call it, and whom to blame. */
export interface ReportFormat {
  name: string;
  /** A literal the header line must contain; a cheap test before the pattern. */
  hint: string;
  /** Pattern for the first line of the report, after log prefixes are removed. */
  header: RegExp;
  /** The title; `{frame}` is replaced by the guilty frame (or `corrupted`), `{n}` by capture group n. */
  title: string;
  /** Crash class; `{n}` and `{ACCESS}` (READ or WRITE) are substituted and the result upper-cased. */
  crashClass: string | ((groups: readonly string[], access: string) => string);
  frame: FrameSource;
  /** Frame groups that are never guilty for this kind of report. */
  skip: readonly FrameGroup[];
  /** Extra frame names never guilty for this kind. */
  skipAlso?: readonly RegExp[];
  /** Starts a report only when no report is open: a consequence line such as the final panic. */
  consequence?: boolean;
  /** Replaces numbers in the title by `NUM`, for titles that quote a message. */
  scrubNumbers?: boolean;
}

const SANITIZER_SKIP: readonly FrameGroup[] = ['reporting', 'sanitizers', 'memoryHelpers', 'interrupts'];
const FAULT_SKIP: readonly FrameGroup[] = ['reporting', 'sanitizers', 'memoryHelpers'];
const WARN_SKIP: readonly FrameGroup[] = ['reporting', 'sanitizers', 'debugChecks'];
const HANG_SKIP: readonly FrameGroup[] = ['reporting', 'waiting', 'interrupts', 'debugChecks'];
const LEAK_SKIP: readonly FrameGroup[] = ['reporting', 'allocator', 'sanitizers'];

/**
 * The report formats, most specific first. Adding a crash kind means adding a row here and a
 * fixture under tests/fixtures/oops/, not editing the parser.
 */
export const reportFormats: readonly ReportFormat[] = [
  // Sanitizers name the bad access in their header.
  {
    name: 'kasan',
    hint: 'KASAN:',
    header: compile(String.raw`^BUG: KASAN: ([a-z0-9-]+) (?:in|on address) ({FUNC})?`),
    title: 'KASAN: {1} {Access} in {frame}',
    crashClass: (groups, access) => sanitizerClass('KASAN', groups[1] ?? '', access),
    frame: { from: 'header', group: 2 },
    skip: SANITIZER_SKIP,
  },
  {
    name: 'kmsan',
    hint: 'KMSAN:',
    header: compile(String.raw`^BUG: KMSAN: ([a-z0-9-]+) in ({FUNC})`),
    title: 'KMSAN: {1} in {frame}',
    crashClass: 'KMSAN-{1}',
    frame: { from: 'header', group: 2 },
    skip: SANITIZER_SKIP,
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
    name: 'kcsan',
    hint: 'KCSAN:',
    header: compile(String.raw`^BUG: KCSAN: ([a-z-]+) in ({FUNC}) / ({FUNC})`),
    title: 'KCSAN: {1} in {2} / {3}',
    crashClass: 'KCSAN-DATARACE',
    frame: { from: 'header', group: 2 },
    skip: SANITIZER_SKIP,
  },
  {
    name: 'ubsan',
    hint: 'UBSAN:',
    header: compile(String.raw`^(?:================================================================================)?UBSAN: ([A-Za-z -]+?) in `),
    title: 'UBSAN: {1} in {frame}',
    crashClass: 'UBSAN',
    frame: { from: 'stack' },
    skip: SANITIZER_SKIP,
  },
  // Lock validator reports.
  {
    name: 'lockdep-circular',
    hint: 'possible circular locking dependency',
    header: /^WARNING: possible circular locking dependency detected/,
    title: 'possible deadlock in {frame}',
    crashClass: 'LOCKDEP',
    frame: { from: 'lock' },
    skip: WARN_SKIP,
  },
  {
    name: 'lockdep-recursive',
    hint: 'possible recursive locking',
    header: /^WARNING: possible recursive locking detected/,
    title: 'possible deadlock in {frame}',
    crashClass: 'LOCKDEP',
    frame: { from: 'lock' },
    skip: WARN_SKIP,
  },
  {
    name: 'lockdep-irq-unsafe',
    hint: 'lock order detected',
    header: /^WARNING: (?:SOFTIRQ|HARDIRQ)-(?:safe|READ-safe) -> (?:SOFTIRQ|HARDIRQ)-(?:unsafe|READ-unsafe) lock order detected/,
    title: 'possible deadlock in {frame}',
    crashClass: 'LOCKDEP',
    frame: { from: 'lock' },
    skip: WARN_SKIP,
  },
  {
    name: 'lockdep-inconsistent',
    hint: 'inconsistent lock state',
    header: /^WARNING: inconsistent lock state/,
    title: 'inconsistent lock state in {frame}',
    crashClass: 'LOCKDEP',
    frame: { from: 'lock' },
    skip: WARN_SKIP,
  },
  {
    name: 'lockdep-bad-unlock',
    hint: 'bad unlock balance detected',
    header: /^WARNING: bad unlock balance detected!/,
    title: 'WARNING: bad unlock balance in {frame}',
    crashClass: 'LOCKDEP',
    frame: { from: 'stack' },
    skip: WARN_SKIP,
  },
  {
    name: 'lockdep-held-lock-freed',
    hint: 'held lock freed',
    header: /^(?:WARNING|BUG): held lock freed!/,
    title: 'BUG: held lock freed in {frame}',
    crashClass: 'LOCKDEP',
    frame: { from: 'stack' },
    skip: WARN_SKIP,
  },
  {
    name: 'lockdep-still-held',
    hint: 'still has locks held',
    header: /^WARNING: .* still has locks held!/,
    title: 'WARNING: still has locks held in {frame}',
    crashClass: 'LOCKDEP',
    frame: { from: 'stack' },
    skip: WARN_SKIP,
  },
  {
    name: 'lockdep-held-returning',
    hint: 'lock held when returning to user space',
    header: /^WARNING: lock held when returning to user space!/,
    title: 'WARNING: lock held when returning to user space in {frame}',
    crashClass: 'LOCKDEP',
    frame: { from: 'lock' },
    skip: WARN_SKIP,
  },
  {
    name: 'lockdep-nested',
    hint: 'nested lock was not taken',
    header: /^WARNING: Nested lock was not taken/,
    title: 'WARNING: nested lock was not taken in {frame}',
    crashClass: 'LOCKDEP',
    frame: { from: 'stack' },
    skip: WARN_SKIP,
  },
  {
    name: 'lockdep-non-static-key',
    hint: 'trying to register non-static key',
    header: /^INFO: trying to register non-static key/,
    title: 'INFO: trying to register non-static key in {frame}',
    crashClass: 'LOCKDEP',
    frame: { from: 'stack' },
    skip: WARN_SKIP,
  },
  {
    name: 'suspicious-rcu',
    hint: 'suspicious RCU usage',
    header: /^(?:WARNING|INFO): suspicious RCU usage/,
    title: 'WARNING: suspicious RCU usage in {frame}',
    crashClass: 'LOCKDEP',
    frame: { from: 'stack' },
    skip: WARN_SKIP,
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
    hint: 'stall',
    header: /^(?:rcu: )?INFO: rcu_(?:sched|preempt|bh|tasks|tasks_trace)?\s?(?:self-)?detected (?:stalls?|expedited stalls)/,
    title: 'INFO: rcu detected stall in {frame}',
    crashClass: 'HANG',
    frame: { from: 'stall' },
    skip: HANG_SKIP,
  },
  {
    name: 'rcu-stall-expedited',
    hint: 'expedited stalls',
    header: /^(?:rcu: )?INFO: rcu_\w+ detected expedited stalls/,
    title: 'INFO: rcu detected stall in {frame}',
    crashClass: 'HANG',
    frame: { from: 'stall' },
    skip: HANG_SKIP,
  },
  {
    name: 'soft-lockup',
    hint: 'soft lockup',
    header: /^(?:watchdog: )?BUG: soft lockup - CPU#\d+ stuck for/,
    title: 'BUG: soft lockup in {frame}',
    crashClass: 'HANG',
    frame: { from: 'stall' },
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
    header: /^BUG: (?:unable to handle kernel NULL pointer dereference|kernel NULL pointer dereference, address)/,
    title: 'BUG: unable to handle kernel NULL pointer dereference in {frame}',
    crashClass: 'NULL-POINTER-DEREFERENCE',
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
    header: /^BUG: unable to handle kernel$/,
    title: 'BUG: unable to handle kernel in {frame}',
    crashClass: 'MEMORY_SAFETY_BUG',
    frame: { from: 'rip' },
    skip: FAULT_SKIP,
  },
  {
    name: 'general-protection-fault',
    hint: 'general protection fault',
    header: /^general protection fault(?:, probably for non-canonical address| for non-canonical address|:)/,
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
    hint: 'divide error',
    header: /^(?:divide error|Oops: divide error): /,
    title: 'divide error in {frame}',
    crashClass: 'DoS',
    frame: { from: 'rip' },
    skip: FAULT_SKIP,
  },
  {
    name: 'stack-segment',
    hint: 'stack segment',
    header: /^(?:stack segment|Oops: stack segment): /,
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
    skip: FAULT_SKIP,
  },
  {
    name: 'stack-guard',
    hint: 'stack guard page was hit',
    header: /^BUG: stack guard page was hit at/,
    title: 'BUG: stack guard page was hit in {frame}',
    crashClass: 'DoS',
    frame: { from: 'rip' },
    skip: FAULT_SKIP,
  },
  {
    name: 'stack-overflow',
    hint: 'kernel stack overflow',
    header: /^(?:BUG|Oops|Insufficient stack space).*kernel stack overflow/,
    title: 'kernel stack overflow in {frame}',
    crashClass: 'DoS',
    frame: { from: 'rip' },
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
  // Assertions.
  {
    name: 'kernel-bug',
    hint: 'kernel BUG',
    header: /^(?:------------\[ cut here \]------------)?kernel BUG at /,
    title: 'kernel BUG in {frame}',
    crashClass: 'BUG',
    frame: { from: 'rip' },
    skip: FAULT_SKIP,
  },
  {
    name: 'bad-usercopy',
    hint: 'usercopy: Kernel memory',
    header: /^usercopy: Kernel memory (?:exposure|overwrite) attempt detected/,
    title: 'BUG: bad usercopy in {frame}',
    crashClass: 'BUG',
    frame: { from: 'stack' },
    skip: [...FAULT_SKIP, 'debugChecks'],
  },
  {
    name: 'bad-page-state',
    hint: 'Bad page state',
    header: /^BUG: Bad page (?:state|map) in process/,
    title: 'BUG: Bad page state in {frame}',
    crashClass: 'BUG',
    frame: { from: 'stack' },
    skip: ['reporting', 'debugChecks', 'sanitizers'],
  },
  {
    name: 'list-corruption',
    hint: ' corruption',
    header: /^(?:list_add|list_del|list_del_entry|__list_add|__list_del_entry|hlist_add|list_splice)(?:_valid)?(?: corruption|.*corruption)/,
    title: 'BUG: corrupted list in {frame}',
    crashClass: 'MEMORY_SAFETY_BUG',
    frame: { from: 'stack' },
    skip: [...FAULT_SKIP, 'debugChecks'],
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
    skip: [...WARN_SKIP],
    skipAlso: [/^check_preemption_disabled$/, /^debug_smp_processor_id$/, /^__this_cpu_preempt_check$/],
  },
  {
    name: 'dentry-in-use',
    hint: 'Dentry',
    header: /^BUG: Dentry \S+ still in use/,
    title: 'BUG: Dentry still in use in {frame}',
    crashClass: 'BUG',
    frame: { from: 'stack' },
    skip: WARN_SKIP,
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
    name: 'netdev-unregister',
    hint: 'waiting for',
    header: /^unregister_netdevice: waiting for \S+ to become free/,
    title: 'unregister_netdevice: waiting for DEV to become free',
    crashClass: 'HANG',
    frame: { from: 'none' },
    skip: [],
  },
  // Warnings: the source file decides the subkind, see warning-kinds.ts.
  {
    name: 'warning',
    hint: 'WARNING:',
    header: compile(String.raw`^WARNING: (?:CPU: \d+ (?:UID: \d+ )?PID: \d+ at ({SRC}) ?({FUNC})?|at ({SRC}) ({FUNC}))`),
    title: 'WARNING in {frame}',
    crashClass: 'WARNING',
    frame: { from: 'header', group: 2 },
    skip: WARN_SKIP,
  },
  {
    name: 'warning-message',
    hint: 'WARNING: ',
    header: /^WARNING: ([a-z][^:]*?)$/,
    title: 'WARNING: {1} in {frame}',
    crashClass: 'WARNING',
    frame: { from: 'stack' },
    skip: WARN_SKIP,
  },
  // Panics, mostly consequences of a report above.
  {
    name: 'panic',
    hint: 'Kernel panic - not syncing',
    header: /^Kernel panic - not syncing: (.*?)\s*$/,
    title: 'kernel panic: {1}',
    crashClass: 'DoS',
    frame: { from: 'none' },
    skip: [],
    consequence: true,
    scrubNumbers: true,
  },
];

/**
 * Sanitizer classes keep the kind for use-after-free, invalid and double frees, null and wild
 * accesses, and memory corruption; out-of-bounds kinds reduce to the direction of the access.
 */
function sanitizerClass(tool: string, kind: string, access: string): string {
  const parts = [tool];
  if (/use-after-free|null-ptr-deref|invalid-free|double-free|memory corruption|invalid free|wild-memory-access|user-memory-access/.test(kind)) {
    parts.push(kind.replace(/null-ptr-deref/, 'null-pointer-dereference').replace(/ /g, '-'));
  }
  if (access && !/free|corruption/.test(kind)) parts.push(access);
  return parts.join('-').toUpperCase();
}
