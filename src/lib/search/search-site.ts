import { prepareSearchQuery } from './prepare-query.ts';

/** The part of Pagefind's browser API that site search uses. */
export interface PagefindApi {
  options(options: Record<string, unknown>): Promise<void>;
  search(
    query: string,
    options?: { filters?: Record<string, string> },
  ): Promise<{
    results: Array<{ id: string; data(): Promise<PagefindResultData> }>;
    /** How many pages match the query with no filter at all. */
    unfilteredResultCount: number;
  }>;
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

/** One Pagefind result: its id, and its URL, title and excerpt once loaded. */
export interface SiteResult {
  id: string;
  data(): Promise<PagefindResultData>;
}

/** Results in display order, and how many pages match in all once that is known. */
export interface ResultBatch {
  results: SiteResult[];
  total?: number;
}

/**
 * The site's results for a prepared query, in display order, in batches. When the query names a
 * stack symbol, the cases whose stacks hold it come first: a case-only search runs first and its
 * results are yielded before the search over all pages runs, so the page can show the first case
 * without waiting for the second search. Later batches leave out results already yielded.
 *
 * `shown` is how many results the caller lists. With no other filter the case-only search also
 * tells how many pages match in all, so when its cases alone fill the list the all-pages search
 * is skipped: for a symbol found in most cases it took 200–300 ms of the page's main thread at
 * 10,000 cases, and would change nothing shown.
 */
export async function* resultsInOrder(
  pagefind: PagefindApi,
  text: string,
  symbols: readonly string[],
  filters: Record<string, string> = {},
  shown = Number.POSITIVE_INFINITY,
): AsyncGenerator<ResultBatch> {
  if (text === '') return;
  const seen = new Set<string>();
  if (symbols.length > 0 && filters.kind === undefined) {
    const cases = await pagefind.search(text, { filters: { ...filters, kind: 'case' } });
    for (const result of cases.results) seen.add(result.id);
    const counted = Object.keys(filters).length === 0;
    yield counted ? { results: cases.results, total: cases.unfilteredResultCount } : { results: cases.results };
    if (counted && cases.results.length >= shown) return;
  }
  // The cases are among these pages too, so their number is the total.
  const all = await pagefind.search(text, { filters });
  yield { results: all.results.filter((result) => !seen.has(result.id)), total: all.results.length };
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
 */
export async function searchSite(pagefind: PagefindApi, input: string, filters: Record<string, string> = {}): Promise<SiteSearchResult> {
  const { text, symbols } = prepareSearchQuery(input);
  const results: SiteResult[] = [];
  for await (const batch of resultsInOrder(pagefind, text, symbols, filters)) results.push(...batch.results);
  return { text, symbols, results };
}
