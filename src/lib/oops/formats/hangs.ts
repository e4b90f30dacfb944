import type { ReportFormat } from './report-format.ts';
import { HANG_SKIP } from './skip-sets.ts';

// The NMI watchdog's path from the performance counter overflow to the report (kernel/watchdog.c,
// kernel/watchdog_hld.c, arch/x86/events, drivers/perf): how the stuck CPU was caught.
export const NMI_WATCHDOG: readonly RegExp[] = [
  /^watchdog_overflow_callback$/, /^watchdog_hardlockup_check$/, /^watchdog_buddy_check_hardlockup$/, /^watchdog_check_hardlockup/,
  /^(?:__)?perf_event_overflow$/, /^perf_event_update_userpage$/, /^\w+_pmu_handle_irq$/, /^perf_event_nmi_handler$/,
  /^perf_ibs_nmi_handler$/, /^armv\dpmu_handle_irq$/, /^armpmu_dispatch_irq$/, /^perf_event_interrupt$/, /^performance_monitor_exception$/,
  /^handle_pmi_common$/, /^(?:__)?nmi_handle/, /^(?:exc|do|default_do)_nmi$/, /^end_repeat_nmi$/, /^nmi$/, /^warn_slowpath/,
];

/** Hangs and stalls: hung tasks (kernel/hung_task.c), RCU stalls (kernel/rcu/tree_stall.h), soft and hard lockups (kernel/watchdog.c), workqueue lockups. */
export const hangFormats: readonly ReportFormat[] = [
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
    hint: 'INFO: ',
    // kernel/rcu/tree_stall.h and tree_exp.h: `rcu: INFO: rcu_preempt self-detected stall on CPU`,
    // `rcu: INFO: rcu_sched detected stalls on CPUs/tasks:`, `… detected expedited stalls on
    // CPUs/tasks`; kernel/rcu/tasks.h `INFO: rcu_tasks detected stalls on tasks:` (and
    // rcu_tasks_trace). 2.6.3x to 3.x named the flavour's state (`INFO: rcu_sched_state detected
    // stall on CPU 0 (t=15000 jiffies)`); classic RCU before 2.6.29 (kernel/rcuclassic.c) printed
    // `INFO: RCU detected CPU 0 stall (t=…)` for itself and `INFO: RCU detected CPU stalls: 1 …`.
    header: /^(?:rcu: )?INFO: (?:rcu_[a-z_]+ (?:self-)?detected (?:stalls?|expedited stalls)|RCU detected CPU (?:\d+ stall|stalls))/,
    title: 'INFO: rcu detected stall in {frame}',
    crashClass: 'HANG',
    frame: { from: 'stall' },
    skip: HANG_SKIP,
  },
  {
    name: 'soft-lockup',
    hint: 'soft lockup',
    // `watchdog: BUG: soft lockup - CPU#3 stuck for 23s! [comm:1234]`; 2.6.2x kernels printed
    // `BUG: soft lockup - CPU#0 stuck for 61s!`, 2.6.1x `BUG: soft lockup detected on CPU#1!`.
    header: /^(?:NMI )?(?:watchdog: )?BUG: soft lockup(?: - CPU#\d+ stuck for| detected on CPU#\d+)/,
    title: 'BUG: soft lockup in {frame}',
    crashClass: 'HANG',
    frame: { from: 'lockup' },
    skip: HANG_SKIP,
  },
  {
    name: 'hard-lockup',
    hint: 'LOCKUP',
    // kernel/watchdog_hld.c (kernel/watchdog.c before 4.13): `NMI watchdog: Watchdog detected
    // hard LOCKUP on cpu 3`; 2.6 x86 (arch/x86/kernel/apic/nmi.c) `NMI Watchdog detected LOCKUP
    // on CPU 0`. 3.x kernels printed it as the message of a WARN in kernel/watchdog.c, whose
    // banner comes first (see warning-kinds.ts): then this line is part of that report.
    // Since 6.6 the buddy detector reports another CPU and the line says which one noticed:
    // `watchdog: CPU1: Watchdog detected hard LOCKUP on cpu 2`.
    header: /^(?:watchdog: )?(?:(?:CPU\d+: )?Watchdog detected hard LOCKUP on cpu \d+|NMI watchdog: Watchdog detected hard LOCKUP|NMI Watchdog detected LOCKUP on CPU ?\d+)/,
    title: 'BUG: hard lockup in {frame}',
    crashClass: 'HANG',
    frame: { from: 'stall' },
    skip: HANG_SKIP,
    skipAlso: NMI_WATCHDOG,
    joinsPrevious: 3,
  },
  {
    // With hardlockup_panic the watchdog panics from the NMI on the stuck CPU: below the NMI
    // frames the stack is the code that would not let go, as in the report above.
    name: 'hard-lockup-panic',
    hint: 'LOCKUP',
    header: /^Kernel panic - not syncing: (?:Watchdog detected hard LOCKUP on cpu \d+|Hard LOCKUP)/,
    title: 'BUG: hard lockup in {frame}',
    crashClass: 'HANG',
    frame: { from: 'stall' },
    skip: HANG_SKIP,
    skipAlso: NMI_WATCHDOG,
    consequence: true,
  },
  {
    // softlockup_panic: watchdog_timer_fn() panics from the timer interrupt on the stuck CPU.
    name: 'soft-lockup-panic',
    hint: 'softlockup',
    header: /^Kernel panic - not syncing: softlockup: hung tasks/,
    title: 'BUG: soft lockup in {frame}',
    crashClass: 'HANG',
    frame: { from: 'lockup' },
    skip: HANG_SKIP,
    consequence: true,
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
];
