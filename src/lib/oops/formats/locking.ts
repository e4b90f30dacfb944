import { compile } from '../patterns.ts';
import type { FrameSource, ReportFormat } from './report-format.ts';
import { LOCK_SKIP } from './skip-sets.ts';

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

/** Lock validator (lockdep), RCU-usage and spinlock-debug reports, from kernel/locking/lockdep.c and kernel/locking/spinlock_debug.c. */
export const lockingFormats: readonly ReportFormat[] = [
  { ...lockdep('lockdep-circular', 'possible circular locking dependency detected', 'possible deadlock in {frame}', { from: 'lock' }), corruptedTitle: { WARNING: 'WARNING: possible circular locking dependency detected' } },
  lockdep('lockdep-recursive', 'possible recursive locking detected', 'possible deadlock in {frame}', { from: 'lock' }),
  // Named after where the irq-safe lock was taken in interrupt context.
  // `RECLAIM_FS-safe -> RECLAIM_FS-unsafe`: kernels 2.6.30 to 4.13 also tracked reclaim as a context.
  lockdep('lockdep-irq-unsafe', '(?:SOFTIRQ|HARDIRQ|RECLAIM_FS)-(?:READ-)?safe -> (?:SOFTIRQ|HARDIRQ|RECLAIM_FS)-(?:READ-)?unsafe lock order detected', 'possible deadlock in {frame}', { from: 'section', start: /which became \S+-irq-safe at:$/ }, 'lock order detected'),
  lockdep('lockdep-irq-lock-inversion', 'possible irq lock inversion dependency detected', 'possible deadlock in {frame}', { from: 'lock' }, 'irq lock inversion'),
  lockdep('lockdep-inconsistent', 'inconsistent lock state', 'inconsistent lock state in {frame}', { from: 'lock' }),
  lockdep('lockdep-bad-unlock', 'bad unlock balance detected', '{1}: bad unlock balance in {frame}', { from: 'lock' }),
  // print_lock_contention_bug(): lock statistics saw a contention on a lock the task does not hold.
  lockdep('lockdep-bad-contention', 'bad contention detected', '{1}: bad contention in {frame}', { from: 'lock' }),
  lockdep('lockdep-held-lock-freed', 'held lock freed', '{1}: held lock freed in {frame}', { from: 'lock' }),
  lockdep('lockdep-still-held', '.* still has locks held', '{1}: still has locks held in {frame}', { from: 'lock' }, 'still has locks held'),
  // The same report before 2.6.3x (kernel/lockdep.c print_held_locks_bug: `[ BUG: lock held at
  // task exit time! ]`; 2.6.16's mutex debugging `BUG: nfsd/8973, lock held at task exit time!`).
  lockdep('lockdep-held-at-exit', '(?:\\S+, )?lock held at task exit time!', 'BUG: still has locks held in {frame}', { from: 'lock' }, 'lock held at task exit time'),
  lockdep('lockdep-held-returning', 'lock held when returning to user space', '{1}: lock held when returning to user space in {frame}', { from: 'lock' }),
  lockdep('lockdep-nested', 'Nested lock was not taken', 'WARNING: nested lock was not taken in {frame}', { from: 'stack' }),
  lockdep('lockdep-wait-context', 'Invalid wait context', 'WARNING: locking bug in {frame}', { from: 'stack' }),
  // look_up_lock_class(): a subclass past MAX_LOCKDEP_SUBCLASSES, from a bad *_nested() call.
  lockdep('lockdep-invalid-subclass', 'looking up invalid subclass', 'BUG: looking up invalid subclass in {frame}', { from: 'stack' }),
  // lockdep_init_map_type(): a lock initialised with a key that is neither static nor registered
  // (`BUG: key ffff888012345678 has not been registered!`; before 4.x `not in .data!`).
  // The stack comes with the DEBUG_LOCKS_WARN_ON() warning printed right after it.
  { ...lockdep('lockdep-unregistered-key', 'key \\S+ (?:has not been registered|not in \\.data)!', 'BUG: key has not been registered in {frame}', { from: 'stack' }, ': key '), ownStack: /^lockdep_init_map/ },
  // print_collision(): two different lock chains hashed to the same key.
  lockdep('lockdep-chain-key-collision', 'chain_key collision', '{1}: chain_key collision in {frame}', { from: 'stack' }),
  lockdep('lockdep-non-static-key', 'trying to register non-static key', 'INFO: trying to register non-static key in {frame}', { from: 'stack' }),
  lockdep('lockdep-too-low', '(MAX_[A-Z_]+ too low!)', 'BUG: {2}', { from: 'none' }, 'too low!'),
  // kernel/workqueue.c process_one_work(): a work function returned in atomic context or with a
  // lock held (`BUG: workqueue leaked lock or atomic: kworker/0:1/0x00000000/12` then `last
  // function: f`); 6.18 also checks RCU and reworded it (`BUG: workqueue leaked atomic, lock or
  // RCU: kworker/2:1[106]`, then `preempt=0x00000000 lock=0->0 RCU=0->1 workfn=f`). One title.
  lockdep(
    'lockdep-leaked',
    'workqueue leaked (?:lock or atomic|atomic, lock or RCU)',
    'BUG: workqueue leaked lock or atomic in {frame}',
    { from: 'line', pattern: compile(String.raw`^\s*(?:last function: |preempt=0x[0-9a-f]+ .*\bworkfn=)({FUNC})`) },
    'workqueue leaked',
  ),
  {
    // 2.6.3x kernels: `[ INFO: suspicious rcu_dereference_check() usage. ]`.
    ...lockdep('suspicious-rcu', 'suspicious (?:RCU usage|rcu_dereference_check\\(\\) usage)', '{1}: suspicious RCU usage in {frame}', { from: 'stack' }, 'suspicious'),
    skip: [...LOCK_SKIP, 'allocator', 'interrupts'],
    corruptedTitle: { WARNING: 'WARNING: suspicious RCU usage' },
  },
  {
    name: 'spinlock-debug',
    hint: 'on CPU#',
    header: /^BUG: (spinlock|rwlock) (bad magic|already unlocked|lockup suspected|wrong owner|wrong CPU|recursion|cpu recursion|trylock failure on UP) on CPU#/,
    title: 'BUG: {1} {2} in {frame}',
    crashClass: 'LOCKDEP',
    frame: { from: 'stack' },
    skip: LOCK_SKIP,
  },
];
