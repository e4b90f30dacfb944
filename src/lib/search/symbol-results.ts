import { escapeHtml } from '../html/escape-html.ts';
import { lookupSymbols } from './lookup-symbols.ts';
import type { ShardLoader } from './fetch-shards.ts';
import type { SiteResult } from './site-result.ts';
import type { SymbolIndexShard } from './symbol-index.ts';

/** Folder of the built site that holds the symbol index's shards. */
export const SYMBOL_INDEX_FOLDER = 'symbol-index';

/** A word typed alone that may be a function name without an underscore: `kfree`, `schedule`. */
const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]{2,}$/;

/** The words of a prepared query to look up in the symbol index. */
export function symbolWords(text: string, symbols: readonly string[]): string[] {
  if (symbols.length > 0) return [...symbols];
  return IDENTIFIER.test(text) ? [text] : [];
}

/**
 * Cases whose stack traces hold the query's symbols, from the symbol index, as search results:
 * each links to the trace and shows the frame as printed, the symbol highlighted. `total` counts
 * the cases: exact for one symbol with no filter, where the index keeps the count beyond the cases
 * it lists; otherwise the cases found.
 */
export async function symbolSearchResults(
  words: readonly string[],
  loadShard: ShardLoader<SymbolIndexShard>,
  filters: Readonly<Record<string, string>>,
  base: string,
): Promise<{ results: SiteResult[]; total: number }> {
  if (words.length === 0) return { results: [], total: 0 };
  const { cases, matches } = await lookupSymbols(words, loadShard, filters);
  const results = cases.map((result) => {
    const where = result.hit.depth >= 0 ? `frame ${result.hit.depth + 1} of trace ${result.hit.stack + 1}` : `in trace ${result.hit.stack + 1}`;
    const frame = escapeHtml(result.hit.frame).replace(escapeHtml(result.symbol), `<mark>${escapeHtml(result.symbol)}</mark>`);
    const data = {
      url: `${base}/cases/${result.case}/#stack-${result.hit.stack + 1}`,
      excerpt: `${frame}, ${where}`,
      meta: { kind: 'case', title: result.title },
    };
    return { id: `symbol:${result.case}`, data: () => Promise.resolve(data) };
  });
  const single = matches.length === 1 && Object.keys(filters).every((name) => name === 'kind');
  return { results, total: single && matches[0] ? Math.max(matches[0].total, results.length) : results.length };
}

/** The page a result URL points to, without its anchor: a case found both ways is listed once. */
export function pageOf(url: string): string {
  return url.replace(/#.*$/, '');
}
