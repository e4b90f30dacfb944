import { describe, expect, it } from 'vitest';
import { parseOops } from '../../src/lib/oops/parse-oops.ts';
import type { DetectedSymptom } from '../../src/lib/triage/detect-symptoms.ts';
import { GENERIC_SHARE, rankCasesByStack } from '../../src/lib/triage/rank-cases.ts';
import type { TriageCase, TriageIndex } from '../../src/lib/triage/triage-index.ts';

const symbols = ['bar_xmit', 'baz_timer', 'foo_clean_rx', 'foo_poll', 'ip_rcv', 'net_rx_action', 'tcp_v4_rcv', 'handle_mm_fault', '__alloc_pages', 'qux_refill'];
/** How common each symbol is across unrelated crashes: the page-fault and allocator paths are everywhere. */
const symbolCommonness: Record<string, number> = { handle_mm_fault: 0.03, __alloc_pages: 0.05, tcp_v4_rcv: 0.002 };
const at = (...names: string[]) => names.map((name) => symbols.indexOf(name));
const caseOf = (id: string, stack: string[], guilty: string[], extra: Partial<TriageCase> = {}): TriageCase => ({
  id,
  title: id,
  status: 'root-caused',
  symbols: at(...stack),
  guilty: guilty.map((name) => stack.indexOf(name)),
  prominent: stack.slice(0, 5).map((_, position) => position),
  symptoms: [],
  drivers: [],
  stackModules: [],
  hypervisor: 'none',
  signatures: [],
  ...extra,
});

const index: TriageIndex = {
  version: 3,
  symbols,
  cases: [
    caseOf('foo-rx-leak', ['foo_clean_rx', 'foo_poll', 'net_rx_action', 'tcp_v4_rcv'], ['foo_clean_rx'], { drivers: ['!foo'], stackModules: ['foo'] }),
    caseOf('bar-xmit-hang', ['bar_xmit', 'net_rx_action', 'tcp_v4_rcv'], ['bar_xmit'], { drivers: ['!nvidia'] }),
    caseOf('ip-rcv-race', ['ip_rcv', 'tcp_v4_rcv', 'net_rx_action'], ['ip_rcv']),
    caseOf('timer-warning', ['baz_timer'], ['baz_timer'], { symptoms: [0] }),
    caseOf('page-leak', ['qux_refill', '__alloc_pages', 'handle_mm_fault'], ['qux_refill'], { symptoms: [1] }),
    caseOf('ring-race', [], [], {
      symptoms: [2],
      signatures: [{ line: "panicked at 'descriptor 26476800 transitioned from Fill to Tx'", commonness: 0, kind: 'message' }],
    }),
  ],
  symptoms: [
    { id: 'warning-splat', title: 'WARNING splat', patterns: ['^WARNING: '], tools: [], checklists: [] },
    { id: 'oom-kill', title: 'OOM kill', patterns: ['Out of memory'], tools: [], checklists: [] },
    { id: 'duplicate-descriptor', title: 'Duplicate descriptor', patterns: ['transitioned from'], tools: [], checklists: [] },
  ],
  tools: {},
  checklists: {},
  commonness: {
    floor: 0.0006,
    symbols: symbols.map((symbol) => symbolCommonness[symbol] ?? 0),
    symptoms: [0.3, 0.01, 0],
    modules: { foo: 0, nvidia: 0 },
  },
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

/** A page fault that allocates: every frame is one that countless unrelated crashes pass through. */
const genericOops = `BUG: unable to handle page fault for address: ffffc90000a3f000
#PF: supervisor read access in kernel mode
RIP: 0010:__alloc_pages+0x1c/0x90
Call Trace:
 __alloc_pages+0x1c/0x90
 handle_mm_fault+0x44/0x120
 exc_page_fault+0x70/0x170
 asm_exc_page_fault+0x22/0x30
`;

const symptom = (id: string, title: string, lineNumber = 1): DetectedSymptom => ({ id, title, line: title, lineNumber });

describe('rankCasesByStack', () => {
  const reports = parseOops(oops);

  it('ignores softirq plumbing such as net_rx_action, and puts the case sharing the guilty frame and the out-of-tree module first, as a match, and says why', () => {
    const [top, ...rest] = rankCasesByStack(reports, [], index);
    expect(top?.case).toBe('foo-rx-leak');
    expect(top?.strength).toBe('match');
    expect(top?.reasons[0]).toMatch(/^shares 2 specific stack symbols: foo_clean_rx \(guilty frame\), foo_poll$/);
    expect(top?.reasons).toContain("module foo is in the stack; the case's stacks run through it too, as an out-of-tree driver");
    for (const other of rest) expect(other.score).toBeLessThan(top!.score / 3);
  });

  it('weighs a symbol many cases share less than a rare one', () => {
    const only = (symbol: string) => rankCasesByStack([], [], index, [symbol]);
    const common = only('tcp_v4_rcv').find((match) => match.case === 'bar-xmit-hang');
    const rare = only('bar_xmit').find((match) => match.case === 'bar-xmit-hang');
    expect(common && rare).toBeTruthy();
    expect(rare!.score).toBeGreaterThan(common!.score);
  });

  it('never shows a case as a match on frames many unrelated crashes share, and says they are common', () => {
    const matches = rankCasesByStack(parseOops(genericOops), [], index);
    expect(matches.map((match) => match.case)).toEqual(['page-leak']);
    expect(matches[0]?.strength).toBe('related');
    expect(matches[0]?.reasons).toEqual(['shares 2 generic frames (kernel infrastructure, or common in unrelated crashes): handle_mm_fault (guilty frame), __alloc_pages']);
    expect(index.commonness.symbols[symbols.indexOf('handle_mm_fault')]).toBeGreaterThan(GENERIC_SHARE);
  });

  it('leaves out a case related by a crash class every third log shows, makes a common symptom related and a never-seen one outside any report a match; inside a report a symptom names the kind of crash only', () => {
    expect(rankCasesByStack([], [symptom('warning-splat', 'WARNING splat')], index)).toEqual([]);
    const oom = rankCasesByStack([], [symptom('oom-kill', 'OOM kill')], index);
    expect(oom.map((match) => [match.case, match.strength])).toEqual([['page-leak', 'related']]);
    expect(oom[0]?.reasons).toEqual(['symptom: OOM kill (common: in 1.0 % of unrelated crash logs)']);

    const duplicate = rankCasesByStack([], [symptom('duplicate-descriptor', 'Duplicate descriptor')], index);
    expect(duplicate.map((match) => [match.case, match.strength])).toEqual([['ring-race', 'match']]);
    expect(duplicate[0]?.reasons).toEqual(['symptom: Duplicate descriptor (specific: never seen in unrelated crash logs)']);

    // The same symptom on a line of a parsed kernel report only says what kind of crash it is.
    const inReport = rankCasesByStack(reports, [symptom('duplicate-descriptor', 'Duplicate descriptor', 2)], index);
    expect(inReport.find((match) => match.case === 'ring-race')?.strength).toBe('related');
  });

  it("matches one of a case's own lines found anywhere in the paste, and says which line", () => {
    const [signature] = index.cases[5]!.signatures;
    const matches = rankCasesByStack([], [], index, [], 10, [{ case: 5, signature: signature!, line: `app[1]: thread 'x' ${signature!.line}`, lineNumber: 7 }]);
    expect(matches.map((match) => [match.case, match.strength])).toEqual([['ring-race', 'match']]);
    expect(matches[0]?.reasons).toEqual([`line 7 is one of the case's own log lines: ${signature!.line}`]);
  });

  it('counts a module a case only had loaded as the same machine, not the same bug', () => {
    const nvidia = parseOops(oops.replace(/\[foo\]/g, '[nvidia]').replace('foo(OE)', 'nvidia(POE)'));
    const bar = rankCasesByStack(nvidia, [], index).find((match) => match.case === 'bar-xmit-hang');
    expect(bar?.strength).toBe('related');
    expect(bar?.reasons).toContain('module nvidia is in the stack; the case had it loaded as an out-of-tree driver, but its stacks do not pass through it');
  });

  it('lists matches before related cases, keeps at most the requested number, and finds nothing in nothing', () => {
    const all = rankCasesByStack(reports, [symptom('oom-kill', 'OOM kill', 40)], index);
    const strengths = all.map((match) => match.strength);
    expect(strengths).toEqual([...strengths].sort((a, b) => (a === b ? 0 : a === 'match' ? -1 : 1)));
    expect(all[0]?.case).toBe('foo-rx-leak');
    expect(rankCasesByStack([], [], index, ['tcp_v4_rcv'], 2)).toHaveLength(2);
    expect(rankCasesByStack([], [], index, ['schedule', 'unknown_function'])).toEqual([]);
  });
});
