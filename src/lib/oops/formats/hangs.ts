import type { ReportFormat } from './report-format.ts';
import { HANG_SKIP } from './skip-sets.ts';

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
];
