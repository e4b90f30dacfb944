import { describe, expect, it } from 'vitest';
import type { SymbolOccurrence } from '../../src/lib/site/build-site-graph.ts';
import { occurrenceText, symbolCaseRows } from '../../src/lib/site/symbol-case-rows.ts';
import type { StackFrame } from '../../src/lib/oops/frames.ts';

const frame = (overrides: Partial<StackFrame>): StackFrame => ({
  symbol: 'i40e_napi_poll',
  normalized: 'i40e_napi_poll',
  offset: '0x1f',
  size: '0x80',
  module: 'i40e',
  reliable: true,
  context: 'SOFTIRQ',
  isRip: false,
  ...overrides,
});
const at = (caseId: string, stackIndex: number, extra: Partial<SymbolOccurrence> = {}): SymbolOccurrence => ({
  caseId,
  stackIndex,
  stackLabel: `${caseId} trace ${stackIndex + 1}`,
  frame: frame({}),
  ...extra,
});

describe('symbol page rows', () => {
  it('lists each case once, at its first occurrence, counting the others', () => {
    const list = symbolCaseRows([at('a', 0), at('a', 2), at('b', 1), at('a', 3)]);
    expect(list.totalCases).toBe(2);
    expect(list.rows.map((row) => [row.caseId, row.first.stackIndex, row.more])).toEqual([
      ['a', 0, 2],
      ['b', 1, 0],
    ]);
    expect(list.modules).toEqual(['i40e']);
  });

  it('keeps the first cases up to the limit and still counts them all', () => {
    const occurrences = Array.from({ length: 250 }, (_, index) => at(`case-${index}`, 0));
    const list = symbolCaseRows(occurrences, 200);
    expect(list.rows).toHaveLength(200);
    expect(list.rows.at(-1)?.caseId).toBe('case-199');
    expect(list.totalCases).toBe(250);
  });

  it('prints a frame the way the trace did', () => {
    expect(occurrenceText(at('a', 0))).toBe('i40e_napi_poll+0x1f/0x80 [i40e]');
    const { module: _module, size: _size, ...bare } = frame({ reliable: false });
    expect(occurrenceText(at('a', 0, { frame: bare }))).toBe('? i40e_napi_poll+0x1f');
    const { frame: _frame, ...mention } = at('a', 0);
    expect(occurrenceText(mention)).toBe('mentioned in the log');
  });
});
