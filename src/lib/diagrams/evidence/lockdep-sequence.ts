import { toLogLines } from '../../oops/log-lines.ts';
import type { OopsReport } from '../../oops/report-types.ts';
import type { PlainEventInput, SequenceActorInput, SequenceEventInput, SequenceSpecInput } from './sequence-input.ts';

/*
 * kernel/locking/lockdep.c prints the unsafe scenario as a table, one column per CPU:
 * print_circular_lock_scenario() (`Possible unsafe locking scenario:`, CPU0 and CPU1),
 * print_irq_lock_scenario() (`Possible interrupt unsafe locking scenario:`, with
 * `local_irq_disable();` and `<Interrupt>`), print_usage_bug_scenario() (inconsistent lock
 * state: one CPU, the lock taken again in `<Interrupt>`) and print_deadlock_scenario() (recursive
 * locking: one CPU taking the lock twice). CPU0's steps start at column 2, CPU1's at column 31,
 * and the steps of an interrupt are indented two more; ` *** DEADLOCK ***` closes the table.
 */
const SCENARIO = /^Possible (?:interrupt )?unsafe locking scenario:/;
const COLUMNS = /^\s*CPU0(?:\s+CPU1)?\s*$/;
const STEP = /^(\s*)(lock|unlock|rlock|wlock|local_irq_disable|local_irq_enable|sync)\((.*)\);\s*$/;
const INTERRUPT = /^(\s*)<Interrupt>\s*$/;
const DEADLOCK = /^\s*\*\*\* DEADLOCK \*\*\*/;
const CHAIN = /^Chain exists of:/;

function contextName(id: string): string {
  return `CPU${id.slice(3, 4)}${id.endsWith('-irq') ? "'s interrupt" : ''}`;
}

interface Step {
  cpu: number;
  interrupt: boolean;
  action: string;
  lock: string;
}

/** The unsafe locking scenario of a lockdep report, as a sequence; undefined when it prints none. */
export function lockdepToSequence(report: OopsReport): SequenceSpecInput | undefined {
  const lines = toLogLines(report.text).map((line) => line.text);
  const start = lines.findIndex((text) => SCENARIO.test(text.trim()));
  if (start < 0) return undefined;
  const columns = lines.slice(start + 1, start + 4).find((text) => COLUMNS.test(text));
  if (!columns) return undefined;
  // The second column starts where `CPU1` is printed, less the indent of the first.
  const secondColumn = columns.includes('CPU1') ? columns.indexOf('CPU1') - 5 : Infinity;
  const steps: Step[] = [];
  const inInterrupt = [false, false];
  let deadlock = false;
  for (const text of lines.slice(start + 1, start + 40)) {
    if (DEADLOCK.test(text)) {
      deadlock = true;
      break;
    }
    const interrupt = INTERRUPT.exec(text);
    if (interrupt) {
      inInterrupt[interrupt[1]!.length >= secondColumn ? 1 : 0] = true;
      continue;
    }
    const step = STEP.exec(text);
    if (!step) continue;
    const cpu = step[1]!.length >= secondColumn ? 1 : 0;
    steps.push({ cpu, interrupt: inInterrupt[cpu]!, action: step[2]!, lock: step[3]! });
  }
  if (steps.length === 0) return undefined;
  const chainAt = lines.findIndex((text) => CHAIN.test(text.trim()));
  const chain = chainAt >= 0 && chainAt < start ? lines[chainAt + 1]?.trim() : undefined;

  const contexts: string[] = [];
  const contextId = (step: Step) => `cpu${step.cpu}${step.interrupt ? '-irq' : ''}`;
  for (const step of steps) if (!contexts.includes(contextId(step))) contexts.push(contextId(step));
  contexts.sort();
  const locks: string[] = [];
  for (const step of steps) if (step.lock && !locks.includes(step.lock)) locks.push(step.lock);
  const actors: SequenceActorInput[] = [
    ...contexts.map((id) => ({ id, label: `CPU${id.slice(3, 4)}${id.endsWith('-irq') ? ' · interrupt' : ''}` })),
    ...locks.map((lock, index) => ({ id: `lock-${index + 1}`, label: lock })),
  ];
  if (actors.length < 2) return undefined;
  const lockId = (lock: string) => `lock-${locks.indexOf(lock) + 1}`;

  // The deadlock starts at the first step that takes a lock some context already holds: from
  // there on, each step waits for one that never comes.
  const held = new Map<string, string>();
  const before: PlainEventInput[] = [];
  const stuck: PlainEventInput[] = [];
  for (const step of steps) {
    const from = contextId(step);
    const event: PlainEventInput = step.lock
      ? { from, to: lockId(step.lock), text: `${step.action}(${step.lock})`, ...(step.action === 'unlock' ? { reply: true } : {}) }
      : { from, to: from, text: `${step.action}()` };
    // `lock`, `rlock` (a read acquisition) and `wlock` take the lock; `unlock` releases it.
    const takes = step.lock !== '' && /^[rw]?lock$/.test(step.action);
    const holder = takes ? held.get(step.lock) : undefined;
    if (holder !== undefined || stuck.length > 0) {
      stuck.push(holder !== undefined && 'text' in event ? { ...event, text: `${event.text}: waits, ${holder === from ? 'this context holds it already' : `${contextName(holder)} holds it`}` } : event);
    } else before.push(event);
    if (takes) held.set(step.lock, from);
    if (step.action === 'unlock') held.delete(step.lock);
  }
  const events: SequenceEventInput[] = [...before];
  if (stuck.length > 0) events.push({ window: deadlock ? '*** DEADLOCK ***' : 'the lock is already held', events: stuck });
  const cpus = new Set(steps.map((step) => step.cpu)).size;
  return {
    kind: 'sequence',
    title: report.title,
    description: [
      `Drawn from a lockdep report (lines ${report.startLine}–${report.endLine}) by \`oopsbook diagram --from\`: the unsafe locking scenario it prints,`,
      cpus > 1 ? 'two CPUs taking the locks in the printed order,' : steps.some((step) => step.interrupt) ? 'one CPU interrupted while it holds the lock,' : 'one CPU taking the lock it already holds,',
      'with the steps that can never finish highlighted.',
      chain ? `Chain of dependencies: ${chain}.` : '',
    ].filter(Boolean).join(' '),
    actors,
    events,
  };
}
