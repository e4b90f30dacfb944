import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ftraceToSequence } from '../../src/lib/diagrams/evidence/ftrace-sequence.ts';
import { parseFtraceLine } from '../../src/lib/diagrams/evidence/parse-ftrace-line.ts';
import type { SequenceSpecInput } from '../../src/lib/diagrams/evidence/sequence-input.ts';
import { sequenceFromLog } from '../../src/lib/diagrams/evidence/sequence-from-log.ts';
import { sequenceSpecYaml } from '../../src/lib/diagrams/evidence/sequence-spec-yaml.ts';
import { formatDelta } from '../../src/lib/diagrams/evidence/time-delta.ts';
import { validateDiagramSpec } from '../../src/lib/diagrams/validate-diagram-spec.ts';
import { projectDir } from '../support/paths.ts';

// Golden specs: each evidence log (real reports from the syzkaller corpus copies and fixtures in
// tests/fixtures/oops, the AF_XDP case's ftrace excerpt, one composed trace) and the spec drawn
// from it in tests/fixtures/evidence/<name>.yaml. `UPDATE_GOLDEN=1 npx vitest run
// tests/unit/evidence-sequences.test.ts` rewrites them; review the diff.
const goldens = path.join(projectDir, 'tests/fixtures/evidence');
const update = process.env.UPDATE_GOLDEN === '1';
const read = (relative: string) => readFileSync(path.join(projectDir, relative), 'utf8');

/** The event order in one line each: `from->to: text`, `note over: text`, `[window] …`. */
function steps(spec: SequenceSpecInput): string[] {
  return spec.events.flatMap((event) => {
    if ('window' in event) return [`[${event.window}]`, ...event.events.map((inner) => `  ${'note' in inner ? `note ${inner.over.join(',')}` : `${inner.from}->${inner.to}`}`)];
    return ['note' in event ? `note ${event.over.join(',')}` : `${event.from}->${event.to}`];
  });
}

function draw(log: string, options: Parameters<typeof sequenceFromLog>[1] = {}): SequenceSpecInput {
  const result = sequenceFromLog(read(log), options);
  if (!result.ok) throw new Error(`${log}:${result.line}: ${result.message}`);
  return result.spec;
}

const cases: Array<{ name: string; log: string; options?: Parameters<typeof sequenceFromLog>[1]; actors: string[]; steps: string[] }> = [
  {
    name: 'kasan-use-after-free-aead-recvmsg',
    log: 'tests/fixtures/oops/corpus/130.txt',
    actors: ['alloc', 'free', 'access', 'object'],
    steps: ['alloc->object', 'free->object', '[use-after-free: Read of size 4, 28 bytes inside of the 128-byte object]', '  access->object'],
  },
  {
    name: 'kasan-old-format-tracks-without-stacks',
    log: 'tests/fixtures/oops/corpus/106.txt',
    actors: ['alloc', 'free', 'access', 'object'],
    steps: ['alloc->object', 'free->object', '[use-after-free: Read of size 4, 244 bytes inside of the 248-byte object]', '  access->object'],
  },
  {
    name: 'kfence-use-after-free-kunit',
    log: 'tests/fixtures/oops/kfence-use-after-free-kunit.log',
    actors: ['alloc', 'free', 'access', 'object'],
    steps: ['alloc->object', 'free->object', '[Use-after-free read (in kfence-#31)]', '  access->object'],
  },
  {
    name: 'kcsan-data-race-netlink-recvmsg',
    log: 'tests/fixtures/oops/corpus/449.txt',
    actors: ['access-1', 'access-2', 'memory'],
    steps: ['[data race: the two accesses overlap, and neither is ordered before the other]', '  access-1->memory', '  access-2->memory'],
  },
  {
    name: 'kcsan-assert-unknown-origin-value-changed',
    log: 'tests/fixtures/oops/corpus/750.txt',
    actors: ['unknown', 'access-1', 'memory'],
    steps: ['unknown->memory', '[the value changed while the access was watched: the other side is unknown]', '  access-1->memory', '  note memory'],
  },
  {
    name: 'lockdep-circular-two-cpus',
    log: 'tests/fixtures/oops/corpus/185.txt',
    actors: ['cpu0', 'cpu1', 'lock-1', 'lock-2', 'lock-3'],
    steps: ['cpu0->lock-1', 'cpu1->lock-2', '[*** DEADLOCK ***]', '  cpu1->lock-1', '  cpu0->lock-3'],
  },
  {
    name: 'lockdep-inconsistent-interrupt',
    log: 'tests/fixtures/oops/corpus/543.txt',
    actors: ['cpu0', 'cpu0-irq', 'lock-1'],
    steps: ['cpu0->lock-1', '[*** DEADLOCK ***]', '  cpu0-irq->lock-1'],
  },
  {
    name: 'lockdep-recursive-one-cpu',
    log: 'tests/fixtures/oops/corpus/234.txt',
    actors: ['cpu0', 'lock-1'],
    steps: ['cpu0->lock-1', '[*** DEADLOCK ***]', '  cpu0->lock-1'],
  },
  {
    name: 'lockdep-irq-unsafe-chain',
    log: 'tests/fixtures/oops/corpus/557.txt',
    actors: ['cpu0', 'cpu0-irq', 'cpu1', 'lock-1', 'lock-2', 'lock-3'],
    steps: ['cpu0->lock-1', 'cpu1->cpu1', 'cpu1->lock-2', 'cpu1->lock-3', '[*** DEADLOCK ***]', '  cpu0-irq->lock-2'],
  },
  {
    name: 'ftrace-afxdp-duplicated-descriptor',
    log: 'diagrams/sources/afxdp-fill-order-trace.log',
    options: { follow: ['0x1229100', '0x13d3900'] },
    actors: ['cpu-1', 'cpu-2', 'value-1', 'value-2'],
    steps: ['cpu-2->value-2', '[0x1229100 and 0x13d3900 in one event]', '  cpu-1->value-1'],
  },
  {
    name: 'ftrace-afxdp-flush-race',
    log: 'diagrams/sources/afxdp-xsk-flush-trace.log',
    actors: ['cpu-0', 'cpu-2'],
    steps: ['cpu-0->cpu-0', 'cpu-2->cpu-2', 'cpu-0->cpu-0', 'cpu-0->cpu-0', 'cpu-2->cpu-2', 'cpu-0->cpu-0'],
  },
  {
    name: 'ftrace-composed-follow-hashed-pointer',
    log: 'tests/fixtures/evidence/composed-skb-across-cpus.trace.txt',
    options: { follow: ['0xc8e1a2b4'] },
    actors: ['cpu-0', 'cpu-1', 'value-1'],
    steps: ['cpu-0->value-1', 'cpu-1->value-1', 'cpu-0->value-1'],
  },
  {
    name: 'ftrace-composed-by-task-last-5',
    log: 'tests/fixtures/evidence/composed-skb-across-cpus.trace.txt',
    options: { by: 'task', last: 5 },
    actors: ['task-1190', 'task-3012', 'task-0', 'task-24'],
    steps: ['task-1190->task-1190', 'task-3012->task-3012', 'task-0->task-0', 'task-24->task-24', 'task-0->task-0'],
  },
];

describe('sequences drawn from evidence', () => {
  for (const entry of cases) {
    it(`${entry.name}: lanes, event order and the golden spec`, () => {
      const spec = draw(entry.log, entry.options);
      expect(spec.actors.map((actor) => actor.id)).toEqual(entry.actors);
      expect(steps(spec)).toEqual(entry.steps);
      const yaml = sequenceSpecYaml(spec);
      const { problems } = validateDiagramSpec({ id: entry.name, displayPath: `${entry.name}.yaml`, source: yaml });
      expect(problems).toEqual([]);
      const golden = path.join(goldens, `${entry.name}.yaml`);
      if (update || !existsSync(golden)) writeFileSync(golden, yaml);
      expect(yaml).toBe(readFileSync(golden, 'utf8'));
    });
  }

  it('names the top frames past the sanitizer bookkeeping, innermost first', () => {
    const spec = draw('tests/fixtures/oops/corpus/130.txt');
    expect(spec.events[0]).toMatchObject({ text: 'allocates: __kmalloc() ← crypto_create_tfm() ← crypto_alloc_tfm()' });
    expect(spec.events[1]).toMatchObject({ text: 'frees: kfree() ← kzfree() ← crypto_destroy_tfm()' });
    expect(spec.actors.map((actor) => actor.label)).toEqual(['Allocated by task 3568', 'Freed by task 3568', 'Bad access by task 3568 (syz-executor5) · CPU 1', 'kmalloc-128 object at ffff8801c1afdb40']);
  });

  it('shows the value change KCSAN saw', () => {
    const spec = draw('tests/fixtures/oops/corpus/750.txt');
    const window = spec.events.find((event) => 'window' in event);
    expect(window && 'window' in window ? window.events.at(-1) : undefined).toEqual({ note: 'value changed: 0x00000000 → 0x00000001', over: ['memory'] });
  });
});

describe('ftrace lines', () => {
  it('reads the context with and without the irq-info and tgid columns', () => {
    expect(parseFtraceLine('          iperf2-127018  [002] d.Z1. 542812.657026: __xsk_rcv_zc_L7: (__xsk_rcv_zc+0x9b/0x250) addr=0x16ce900', 1)).toMatchObject({ task: 'iperf2', pid: 127018, cpu: 2, flags: 'd.Z1.', event: '__xsk_rcv_zc_L7', time: 542812657026000n });
    expect(parseFtraceLine(' flowtrackd-p9zw-209120  [001] ….. 542812.657037: tracing_mark_write: ingress q:1 0x16ce900 FILL -> RX', 2)).toMatchObject({ task: 'flowtrackd-p9zw', pid: 209120, event: 'tracing_mark_write', fields: 'ingress q:1 0x16ce900 FILL -> RX' });
    expect(parseFtraceLine('      sshd-1190          [001] 4021.318229: kfree_skb: skbaddr=00000000c8e1a2b4', 3)).toMatchObject({ cpu: 1, event: 'kfree_skb' });
    expect(parseFtraceLine('     sshd-1190    (   1190) [001] ....1  4021.318226: tcp_rcv_space_adjust <-tcp_recvmsg_locked', 4)).toMatchObject({ event: 'tcp_rcv_space_adjust', fields: '<-tcp_recvmsg_locked' });
    expect(parseFtraceLine('  trace-cmd-1234  [003] 123456789: function: func <-- parent', 5)).toMatchObject({ seconds: false, time: 123456789n });
    expect(parseFtraceLine('#           TASK-PID     CPU#  |||||  TIMESTAMP  FUNCTION', 6)).toBeUndefined();
    expect(parseFtraceLine('[  472.478762][T19789] BUG: KCSAN: data-race in a / b', 7)).toBeUndefined();
  });

  it('formats the time between events', () => {
    expect([formatDelta(800n, true), formatDelta(12_345n, true), formatDelta(4_500_000n, true), formatDelta(2_000_000_000n, true), formatDelta(42n, false)]).toEqual(['+800 ns', '+12.3 µs', '+4.500 ms', '+2.000 s', '+42 ticks']);
  });

  it('keeps the last N events and says what it left out', () => {
    const result = ftraceToSequence(read('diagrams/sources/afxdp-fill-order-trace.log'), { last: 3 });
    expect(result.ok && result.spec.events.length).toBe(3);
    expect(result.ok && result.spec.description).toContain('Left out: the first 10 events (only the last 3 are kept).');
  });

  it('follows hex values in any case, with leading zeros or without 0x, and decimals as written', () => {
    const trace = read('diagrams/sources/afxdp-fill-order-trace.log');
    const upper = ftraceToSequence(trace, { follow: ['0x016CE900'] });
    const lower = ftraceToSequence(trace, { follow: ['0x16ce900'] });
    expect(upper.ok && upper.spec.events.length).toBe(7);
    expect(upper.ok && lower.ok && upper.spec.events).toEqual(lower.ok && lower.spec.events);
    // `remaining: [… 1229100 …]` mentions the descriptor without its 0x.
    const bare = ftraceToSequence(trace, { follow: ['0x1dba100'] });
    expect(bare.ok && bare.spec.events.length).toBe(2);
    const decimal = ftraceToSequence(trace, { follow: ['127018'] });
    expect(decimal.ok).toBe(false);
    // `expected 0x1000900remaining: […]`: the application glued a word to the value it printed.
    const glued = ftraceToSequence(read('diagrams/sources/afxdp-xsk-flush-trace.log'), { follow: ['0x1000900'] });
    expect(glued.ok && glued.spec.events.length).toBe(2);
    // A longer hex number is another value, not this one.
    const longer = ftraceToSequence('app-1 [000] .... 1.000001: tracing_mark_write: got 0x1000900ab\n', { follow: ['0x1000900'] });
    expect(longer.ok).toBe(false);
  });

  it('keeps one lane per pid when a task is printed under two names', () => {
    const result = ftraceToSequence(read('diagrams/sources/afxdp-xsk-flush-trace.log'), { by: 'task' });
    expect(result.ok && result.spec.actors).toEqual([
      { id: 'task-142014', label: 'flowtrackd-9chS-142014 · CPU 0' },
      { id: 'task-1217', label: 'iperf2-1217 · CPU 2, CPU 2 as Iperf2' },
    ]);
  });

  it('says why nothing can be drawn, with the line', () => {
    expect(sequenceFromLog('hello\nworld\n')).toEqual({ ok: false, line: 1, message: 'no KASAN, KFENCE, KCSAN or lockdep report and no ftrace lines (`task-pid [cpu] flags timestamp: event: fields`) found' });
    expect(sequenceFromLog(read('diagrams/sources/afxdp-fill-order-trace.log'), { follow: ['0xdead'] })).toEqual({ ok: false, line: 13, message: 'none of the 13 trace events (lines 13–25) mentions 0xdead' });
    expect(sequenceFromLog(read('diagrams/sources/afxdp-fill-order-trace.log'), { follow: ['0x16ce900'], by: 'task', last: 1 })).toMatchObject({ ok: true });
    const oneCpu = '  bash-1977  [000] .... 17284.993652: sys_close <-system_call_fastpath\n  bash-1977  [000] .... 17284.993660: sys_open <-system_call_fastpath\n';
    expect(sequenceFromLog(oneCpu)).toEqual({ ok: false, line: 1, message: 'every event kept is on CPU 0, and a sequence needs two lanes: draw one lane per task with --by task, or follow a value with --follow' });
  });
});
