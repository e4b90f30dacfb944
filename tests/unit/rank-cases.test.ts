import { describe, expect, it } from 'vitest';
import { parseOops } from '../../src/lib/oops/parse-oops.ts';
import { rankCasesByStack } from '../../src/lib/triage/rank-cases.ts';
import type { TriageCase, TriageIndex } from '../../src/lib/triage/triage-index.ts';

const symbols = ['bar_xmit', 'baz_timer', 'foo_clean_rx', 'foo_poll', 'ip_rcv', 'net_rx_action', 'tcp_v4_rcv'];
const at = (...names: string[]) => names.map((name) => symbols.indexOf(name));
const caseOf = (id: string, stack: string[], guilty: string[], extra: Partial<TriageCase> = {}): TriageCase => ({
  id,
  title: id,
  status: 'root-caused',
  symbols: at(...stack),
  guilty: guilty.map((name) => stack.indexOf(name)),
  symptoms: [],
  drivers: [],
  hypervisor: 'none',
  ...extra,
});

const index: TriageIndex = {
  version: 2,
  symbols,
  cases: [
    caseOf('foo-rx-leak', ['foo_clean_rx', 'foo_poll', 'net_rx_action', 'tcp_v4_rcv'], ['foo_clean_rx'], { drivers: ['!foo'] }),
    caseOf('bar-xmit-hang', ['bar_xmit', 'net_rx_action', 'tcp_v4_rcv'], ['bar_xmit']),
    caseOf('ip-rcv-race', ['ip_rcv', 'tcp_v4_rcv', 'net_rx_action'], ['ip_rcv']),
    caseOf('timer-warning', ['baz_timer'], ['baz_timer'], { symptoms: [0] }),
  ],
  symptoms: [{ id: 'warning-splat', title: 'WARNING splat', patterns: ['^WARNING: '], tools: [], checklists: [] }],
  tools: {},
  checklists: {},
};

const oops = `general protection fault, probably for non-canonical address 0xdead000000000100: 0000 [#1] SMP
CPU: 3 PID: 0 Comm: swapper/3 Tainted: G           OE     6.1.0 #1
RIP: 0010:foo_clean_rx+0x1c/0x90 [foo]
Call Trace:
 <IRQ>
 foo_clean_rx+0x1c/0x90 [foo]
 foo_poll+0x44/0x120 [foo]
 net_rx_action+0xb8/0x1c0
 __do_softirq+0xd0/0x2a1
 </IRQ>
Modules linked in: foo(OE) ip_tables
---[ end trace 0000000000000000 ]---
`;

describe('rankCasesByStack', () => {
  const reports = parseOops(oops);

  it('ignores softirq plumbing such as net_rx_action, and puts the case sharing the guilty frame and the out-of-tree module first, and says why', () => {
    const [top, ...rest] = rankCasesByStack(reports, [], index);
    expect(top?.case).toBe('foo-rx-leak');
    expect(top?.reasons[0]).toMatch(/^shares 2 stack symbols: foo_clean_rx \(guilty frame\), foo_poll$/);
    expect(top?.reasons).toContain('module foo is in the stack; the case ran it as an out-of-tree driver');
    for (const other of rest) expect(other.score).toBeLessThan(top!.score / 3);
  });

  it('weighs a symbol many cases share less than a rare one', () => {
    const only = (symbol: string) => rankCasesByStack([], [], index, [symbol]);
    const common = only('tcp_v4_rcv').find((match) => match.case === 'bar-xmit-hang');
    const rare = only('bar_xmit').find((match) => match.case === 'bar-xmit-hang');
    expect(common && rare).toBeTruthy();
    expect(rare!.score).toBeGreaterThan(common!.score);
  });

  it('matches on a symptom alone and on nothing else gives no match', () => {
    const bySymptom = rankCasesByStack([], [{ id: 'warning-splat', title: 'WARNING splat', line: 'WARNING: x', lineNumber: 1 }], index);
    expect(bySymptom.map((match) => match.case)).toEqual(['timer-warning']);
    expect(bySymptom[0]?.reasons).toEqual(['symptom: WARNING splat']);
    expect(rankCasesByStack([], [], index, ['schedule', 'unknown_function'])).toEqual([]);
  });

  it('keeps at most the requested number of matches, best first, ties by id', () => {
    const all = rankCasesByStack([], [], index, ['tcp_v4_rcv']);
    expect(all.map((match) => match.case)).toEqual(['bar-xmit-hang', 'foo-rx-leak', 'ip-rcv-race']);
    expect(rankCasesByStack([], [], index, ['tcp_v4_rcv'], 2)).toHaveLength(2);
  });
});
