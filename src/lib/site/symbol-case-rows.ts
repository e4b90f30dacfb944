import type { SymbolOccurrence } from './build-site-graph.ts';

/**
 * Cases listed on one symbol page. A frame such as `entry_SYSCALL_64_after_hwframe` sits in most
 * stacks; listing thousands of cases under it would make a multi-megabyte page nobody reads and
 * cost every build. The most recently seen cases are listed; search narrows the rest.
 */
export const SYMBOL_PAGE_CASE_LIMIT = 200;

/** One case on a symbol page: where the symbol first appears in it, and how often again. */
export interface SymbolCaseRow {
  caseId: string;
  first: SymbolOccurrence;
  /** Further frames or mentions of the symbol in the same case. */
  more: number;
}

export interface SymbolCaseList {
  rows: SymbolCaseRow[];
  /** Distinct cases the symbol appears in, listed or not. */
  totalCases: number;
  /** Modules the symbol was seen in (`[i40e]`), in order of first appearance. */
  modules: string[];
}

/** Groups a symbol's occurrences (in case order) into one row per case, the first `limit` cases. */
export function symbolCaseRows(occurrences: readonly SymbolOccurrence[], limit = SYMBOL_PAGE_CASE_LIMIT): SymbolCaseList {
  const byCase = new Map<string, SymbolCaseRow>();
  const modules = new Set<string>();
  for (const occurrence of occurrences) {
    if (occurrence.frame?.module) modules.add(occurrence.frame.module);
    const row = byCase.get(occurrence.caseId);
    if (row) row.more += 1;
    else byCase.set(occurrence.caseId, { caseId: occurrence.caseId, first: occurrence, more: 0 });
  }
  return { rows: [...byCase.values()].slice(0, limit), totalCases: byCase.size, modules: [...modules] };
}

/** A frame as the trace printed it (`? i40e_napi_poll+0x1f/0x80 [i40e]`), or how a mention was found. */
export function occurrenceText(occurrence: SymbolOccurrence): string {
  const frame = occurrence.frame;
  if (!frame) return 'mentioned in the log';
  const offset = frame.offset ? `+${frame.offset}${frame.size ? `/${frame.size}` : ''}` : '';
  return `${frame.reliable ? '' : '? '}${frame.symbol}${offset}${frame.module ? ` [${frame.module}]` : ''}`;
}
