import { bareSymbol, hitPlacement, symbolShardKey, type SymbolIndexHit, type SymbolIndexShard } from './symbol-index.ts';

/** A symbol of the index that a query word matched. */
export interface SymbolMatch {
  /** The word as searched for. */
  word: string;
  symbol: string;
  /** Cases the symbol appears in, of which at most the index's cap are listed. */
  total: number;
  /** False when the word only starts the symbol's name (`xsk_rcv` for `__xsk_rcv_zc`). */
  exact: boolean;
}

/** A case whose stacks hold one or more of the searched symbols. */
export interface SymbolCaseResult {
  case: string;
  title: string;
  /** The best-placed occurrence: the trace and frame a reader should look at first. */
  hit: SymbolIndexHit;
  symbol: string;
  /** How many of the query's words this case's stacks answer. */
  words: number;
}

export interface SymbolLookup {
  matches: SymbolMatch[];
  cases: SymbolCaseResult[];
}

/** Symbols a word may stand for when it only starts their names. */
const MAX_PREFIX_MATCHES = 20;

/**
 * Finds the cases whose stacks hold the given symbols, from the sharded symbol index. Cases that
 * answer more of the words come first, then those where a symbol sits nearest the crash. Facet
 * filters apply as on the rest of search; a `kind` other than `case` leaves nothing to show.
 */
export async function lookupSymbols(
  words: readonly string[],
  loadShard: (key: string) => Promise<SymbolIndexShard | undefined>,
  filters: Readonly<Record<string, string>> = {},
): Promise<SymbolLookup> {
  const none: SymbolLookup = { matches: [], cases: [] };
  if (filters.kind !== undefined && filters.kind !== 'case') return none;
  const required = Object.entries(filters)
    .filter(([name]) => name !== 'kind')
    .map(([name, value]) => `${name}:${value}`);
  const unique = [...new Set(words)].filter((word) => bareSymbol(word).length >= 2);
  const shards = await Promise.all(unique.map((word) => loadShard(symbolShardKey(word)).catch(() => undefined)));

  const matches: SymbolMatch[] = [];
  const byCase = new Map<string, SymbolCaseResult & { seen: Set<string> }>();
  unique.forEach((word, index) => {
    const shard = shards[index];
    if (!shard) return;
    const wanted = bareSymbol(word).toLowerCase();
    const names = Object.keys(shard.symbols);
    const exact = names.filter((name) => bareSymbol(name).toLowerCase() === wanted);
    // A word with an underscore may start a longer name (`xsk_rcv` for `__xsk_rcv_zc`); a plain
    // word (`kfree`, `xen`) must be the whole name, or `schedule` would bring every schedule_*.
    const chosen =
      exact.length > 0 || !wanted.includes('_')
        ? exact
        : names
            .filter((name) => bareSymbol(name).toLowerCase().startsWith(wanted))
            .sort((a, b) => (shard.symbols[b]?.total ?? 0) - (shard.symbols[a]?.total ?? 0) || a.localeCompare(b))
            .slice(0, MAX_PREFIX_MATCHES);
    for (const symbol of chosen) {
      const entry = shard.symbols[symbol];
      if (!entry) continue;
      matches.push({ word, symbol, total: entry.total, exact: exact.length > 0 });
      for (const hit of entry.hits) {
        const known = shard.cases[hit.case];
        if (!known || !required.every((facet) => known.facets.includes(facet))) continue;
        const current = byCase.get(hit.case);
        if (!current) {
          byCase.set(hit.case, { case: hit.case, title: known.title, hit, symbol, words: 1, seen: new Set([word]) });
          continue;
        }
        if (!current.seen.has(word)) {
          current.seen.add(word);
          current.words = current.seen.size;
        }
        if (hitPlacement(hit) < hitPlacement(current.hit)) Object.assign(current, { hit, symbol });
      }
    }
  });

  // Insertion order breaks ties: the index lists each symbol's cases best first, newest first.
  const cases = [...byCase.values()]
    .sort((a, b) => b.words - a.words || hitPlacement(a.hit) - hitPlacement(b.hit))
    .map(({ seen: _seen, ...result }) => result);
  return { matches, cases };
}
