import { prepareSearchQuery } from './prepare-query.ts';
import { pageOf, symbolSearchResults, symbolWords, type ShardLoader } from './symbol-results.ts';

/** The part of Pagefind's browser API that site search uses. */
export interface PagefindApi {
  options(options: Record<string, unknown>): Promise<void>;
  search(
    query: string,
    options?: { filters?: Record<string, string> },
  ): Promise<{ results: Array<{ id: string; data(): Promise<PagefindResultData> }> }>;
}

export interface PagefindResultData {
  url: string;
  excerpt: string;
  meta: Record<string, string>;
}

/**
 * Pagefind's default ranking penalises long pages, and a case page is long by nature: it carries
 * every stack and log of the incident. Damping that penalty keeps a case with the symbol in its
 * stacks above a tool page that mentions the symbol in one example.
 */
export const SEARCH_RANKING = { pageLength: 0.2, termSaturation: 2 } as const;

/** One result, from Pagefind or the symbol index: its id, and its URL, title and excerpt once loaded. */
export interface SiteResult {
  id: string;
  data(): Promise<PagefindResultData>;
}

/** A batch of results in display order, and where it came from. */
export interface ResultBatch {
  results: SiteResult[];
  /**
   * `symbols`: cases whose stack traces hold the query's symbols, from the symbol index, with
   * `total` the number of such cases. `pages`: the full-text index's pages, with `total` how many
   * match; a case already listed from the symbol index may be among them.
   */
  source: 'symbols' | 'pages';
  total: number;
}

/**
 * The site's results for a prepared query, in display order, in batches. When the query names a
 * stack symbol (or is one identifier, such as `kfree`), the cases whose stacks hold it come first,
 * straight from one small shard of the symbol index: no full-text search is needed to show them.
 * The full-text index follows for the pages that mention the words, unless those cases already
 * fill the `shown` slots the caller lists: for a frame found in most cases that search costs
 * hundreds of milliseconds and would change nothing shown.
 */
export async function* resultsInOrder(
  pagefind: () => Promise<PagefindApi>,
  loadShard: ShardLoader,
  text: string,
  symbols: readonly string[],
  filters: Record<string, string> = {},
  shown = Number.POSITIVE_INFINITY,
  base = '',
): AsyncGenerator<ResultBatch> {
  if (text === '') return;
  const symbolHits = await symbolSearchResults(symbolWords(text, symbols), loadShard, filters, base);
  if (symbolHits.results.length > 0) {
    yield { results: symbolHits.results, source: 'symbols', total: symbolHits.total };
    if (symbolHits.results.length >= shown) return;
  }
  const all = await (await pagefind()).search(text, { filters });
  yield { results: all.results, source: 'pages', total: all.results.length };
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
 * names a stack symbol, the cases whose stacks hold it come before other pages that mention it.
 * A page found both ways is listed once, where the symbol index put it.
 */
export async function searchSite(
  pagefind: PagefindApi,
  loadShard: ShardLoader,
  input: string,
  filters: Record<string, string> = {},
): Promise<SiteSearchResult> {
  const { text, symbols } = prepareSearchQuery(input);
  const results: SiteResult[] = [];
  const pages = new Set<string>();
  for await (const batch of resultsInOrder(() => Promise.resolve(pagefind), loadShard, text, symbols, filters)) {
    for (const result of batch.results) {
      const page = pageOf((await result.data()).url);
      if (pages.has(page)) continue;
      pages.add(page);
      results.push(result);
    }
  }
  return { text, symbols, results };
}
