import { prepareSearchQuery } from './prepare-query.ts';

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

/** One Pagefind result: its id, and its URL, title and excerpt once loaded. */
export interface SiteResult {
  id: string;
  data(): Promise<PagefindResultData>;
}

/**
 * The site's results for a prepared query, in display order, in batches. When the query names a
 * stack symbol, the cases whose stacks hold it come first: a case-only search runs first and its
 * results are yielded before the search over all pages runs, so the page can show the first case
 * without waiting for the second search. Later batches leave out results already yielded.
 */
export async function* resultsInOrder(
  pagefind: PagefindApi,
  text: string,
  symbols: readonly string[],
  filters: Record<string, string> = {},
): AsyncGenerator<SiteResult[]> {
  if (text === '') return;
  const seen = new Set<string>();
  if (symbols.length > 0 && filters.kind === undefined) {
    const cases = await pagefind.search(text, { filters: { ...filters, kind: 'case' } });
    for (const result of cases.results) seen.add(result.id);
    yield cases.results;
  }
  const all = await pagefind.search(text, { filters });
  yield all.results.filter((result) => !seen.has(result.id));
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
  for await (const batch of resultsInOrder(pagefind, text, symbols, filters)) results.push(...batch);
  return { text, symbols, results };
}
