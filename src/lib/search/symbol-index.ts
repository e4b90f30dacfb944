import type { SiteGraph, SymbolOccurrence } from '../site/build-site-graph.ts';
import { caseFacetFilters } from '../site/case-facets.ts';
import { occurrenceText } from '../site/symbol-case-rows.ts';

/**
 * The stack-symbol index the search page answers symbol queries from, split into small JSON
 * shards by the first two letters of the name (leading underscores ignored), so a query fetches
 * one shard of a few kilobytes instead of a full-text index that shreds `i40e_napi_poll+0x1f/0x80`
 * into noise. A prefix such as `xsk_rcv` finds `__xsk_rcv_zc` within the same shard.
 */

/** Cases kept per symbol, those where it sits nearest the crash first; the total is kept too. */
export const SYMBOL_INDEX_CASES_PER_SYMBOL = 50;

/** One case a symbol appears in, at its best-placed occurrence. */
export interface SymbolIndexHit {
  case: string;
  /** Index of the trace in the case's `stacks`, for the `#stack-N` anchor (N = stack + 1). */
  stack: number;
  /** The frame as printed, or how the symbol was found. */
  frame: string;
  /** Position in the trace, 0 at the top; -1 for a mention outside the call trace. */
  depth: number;
}

export interface SymbolIndexEntry {
  /** Cases the symbol appears in, listed or not. */
  total: number;
  hits: SymbolIndexHit[];
}

export interface SymbolIndexShard {
  symbols: Record<string, SymbolIndexEntry>;
  /** Title and facet values (`symptom:bad-page-state`) of every case the shard names. */
  cases: Record<string, { title: string; facets: string[] }>;
}

/** The name without leading underscores, as shards and prefix matching see it. */
export function bareSymbol(symbol: string): string {
  return symbol.replace(/^_+/, '');
}

/** Shard a symbol lives in: the first two characters of its bare name, lower case. */
export function symbolShardKey(symbol: string): string {
  const bare = bareSymbol(symbol).toLowerCase();
  return (bare === '' ? '_' : bare.slice(0, 2)).replace(/[^a-z0-9_]/g, '_');
}

/**
 * Where a hit sits, lower is better: reliable frames by depth, nearest the crash first; then `?`
 * frames (their text starts with the unwinder's `? `); then mentions in log lines. Building the
 * index and merging several symbols' hits in a lookup rank by this one rule.
 */
export function hitPlacement(hit: SymbolIndexHit): number {
  if (hit.depth < 0) return 2_000_000;
  return hit.depth + (hit.frame.startsWith('? ') ? 1_000_000 : 0);
}

function toHit(occurrence: SymbolOccurrence): SymbolIndexHit {
  return {
    case: occurrence.caseId,
    stack: occurrence.stackIndex,
    frame: occurrenceText(occurrence),
    depth: occurrence.frame && occurrence.depth !== undefined ? occurrence.depth : -1,
  };
}

/** Builds every shard from the site graph; cases keep the graph's order (newest first) on ties. */
export function buildSymbolIndex(site: Pick<SiteGraph, 'cases' | 'symbols'>, perSymbol = SYMBOL_INDEX_CASES_PER_SYMBOL): Map<string, SymbolIndexShard> {
  const caseOrder = new Map(site.cases.map((entry, index) => [entry.id, index]));
  const caseById = new Map(site.cases.map((entry) => [entry.id, entry]));
  const shards = new Map<string, SymbolIndexShard>();
  for (const [symbol, occurrences] of site.symbols) {
    const best = new Map<string, SymbolIndexHit>();
    for (const hit of occurrences.map(toHit)) {
      const current = best.get(hit.case);
      if (!current || hitPlacement(hit) < hitPlacement(current)) best.set(hit.case, hit);
    }
    const ranked = [...best.values()].sort((a, b) => hitPlacement(a) - hitPlacement(b) || (caseOrder.get(a.case) ?? 0) - (caseOrder.get(b.case) ?? 0));
    const key = symbolShardKey(symbol);
    let shard = shards.get(key);
    if (!shard) shards.set(key, (shard = { symbols: {}, cases: {} }));
    const hits = ranked.slice(0, perSymbol);
    shard.symbols[symbol] = { total: best.size, hits };
    for (const hit of hits) {
      const entry = caseById.get(hit.case);
      if (!entry || shard.cases[hit.case]) continue;
      shard.cases[hit.case] = { title: entry.data.title, facets: caseFacetFilters(entry.data) };
    }
  }
  return shards;
}
