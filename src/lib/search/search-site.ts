import type { ShardLoader } from './fetch-shards.ts';
import { titleSearchResults } from './lookup-titles.ts';
import { pagesMentioning } from './pages-mentioning.ts';
import { prepareSearchQuery } from './prepare-query.ts';
import type { SymbolIndexShard } from './symbol-index.ts';
import { pageOf, symbolSearchResults, symbolWords } from './symbol-results.ts';
import type { PagefindApi, SiteResult } from './site-result.ts';
import type { TitleIndexShard } from './title-index.ts';

/**
 * Pagefind's default ranking penalises long pages, and a case page is long by nature: it carries
 * every stack and log of the incident. Damping that penalty keeps a case with the symbol in its
 * stacks above a tool page that mentions the symbol in one example.
 */
export const SEARCH_RANKING = { pageLength: 0.2, termSaturation: 2 } as const;

/** The three indexes a search reads: Pagefind (started on first use) and the two sharded indexes. */
export interface SearchIndexes {
  pagefind: () => Promise<PagefindApi>;
  symbols: ShardLoader<SymbolIndexShard>;
  titles: ShardLoader<TitleIndexShard>;
}

/** A batch of results in display order, and where it came from. */
export interface ResultBatch {
  results: SiteResult[];
  /**
   * `symbols`: cases whose stack traces hold the query's symbols, from the symbol index, with
   * `total` the number of such cases. `titles`: pages titled with the query's words, from the
   * title index. `pages`: the full-text index's pages, with `total` how many match; a page already
   * listed from the other two may be among them. Only pages whose text holds the query's words
   * are listed (see pagesMentioning); they may come in two batches, the first result alone, and
   * the last batch's `total` is the count.
   */
  source: 'symbols' | 'titles' | 'pages';
  total: number;
  /** False when `total` counts only the pages found and more exist (a title word in hundreds of titles). */
  complete: boolean;
}

/**
 * The site's results for a prepared query, in display order, in batches. When the query names a
 * stack symbol (or is one identifier, such as `kfree`), the cases whose stacks hold it come first,
 * straight from one small shard of the symbol index. Pages titled with the query's words come
 * next, from the title index. Neither needs the full-text index, which follows for the pages that
 * mention the words, unless the symbol index's cases already fill the `shown` slots the caller
 * lists: for a frame found in most cases that search costs hundreds of milliseconds and would
 * change nothing shown.
 */
export async function* resultsInOrder(
  indexes: SearchIndexes,
  text: string,
  symbols: readonly string[],
  filters: Record<string, string> = {},
  shown = Number.POSITIVE_INFINITY,
  base = '',
): AsyncGenerator<ResultBatch> {
  if (text === '') return;
  // Both shard lookups start at once; the title index's answer waits while the symbols are shown.
  const titleLookup = titleSearchResults(text, indexes.titles, filters, base);
  titleLookup.catch(() => undefined);
  const symbolHits = await symbolSearchResults(symbolWords(text, symbols), indexes.symbols, filters, base);
  if (symbolHits.results.length > 0) {
    yield { results: symbolHits.results, source: 'symbols', total: symbolHits.total, complete: true };
    if (symbolHits.results.length >= shown) return;
  }
  const titleHits = await titleLookup;
  // A case listed for its stacks is not listed again for its title.
  const listed = new Set((await Promise.all(symbolHits.results.map((result) => result.data()))).map((data) => pageOf(data.url)));
  const titled = [];
  for (const result of titleHits.results) if (!listed.has(pageOf((await result.data()).url))) titled.push(result);
  if (titled.length > 0) yield { results: titled, source: 'titles', total: titleHits.total, complete: titleHits.complete };
  const all = await (await indexes.pagefind()).search(text, { filters });
  for await (const part of pagesMentioning(all.results, text, shown)) yield { ...part, source: 'pages' };
}

export interface SiteSearchResult {
  /** The text actually searched for, after frame normalisation. */
  text: string;
  /** Stack symbols recognised in the query. */
  symbols: string[];
  /** Every result, in display order. */
  results: SiteResult[];
}

/**
 * Searches the site the way a kernel engineer types: frames are normalised, and when the query
 * names a stack symbol, the cases whose stacks hold it come before other pages that mention it,
 * then the pages titled with its words. A page found several ways is listed once, where it came first.
 */
export async function searchSite(
  indexes: SearchIndexes,
  input: string,
  filters: Record<string, string> = {},
): Promise<SiteSearchResult> {
  const { text, symbols } = prepareSearchQuery(input);
  const results: SiteResult[] = [];
  const pages = new Set<string>();
  for await (const batch of resultsInOrder(indexes, text, symbols, filters)) {
    for (const result of batch.results) {
      const page = pageOf((await result.data()).url);
      if (pages.has(page)) continue;
      pages.add(page);
      results.push(result);
    }
  }
  return { text, symbols, results };
}
