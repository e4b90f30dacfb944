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

export interface SiteSearchResult {
  /** Number of pages that matched. */
  total: number;
  /** The text actually searched for, after frame normalisation. */
  text: string;
  /** Stack symbols recognised in the query. */
  symbols: string[];
  /** Result ids in display order. */
  ids: string[];
  /** Loads a result's URL, title and excerpt. */
  load(id: string): Promise<PagefindResultData>;
}

/**
 * Searches the site the way a kernel engineer types: frames are normalised, and when the query
 * names a stack symbol, the cases whose stacks hold it come before other pages that mention it.
 */
export async function searchSite(pagefind: PagefindApi, input: string, filters: Record<string, string> = {}): Promise<SiteSearchResult> {
  const { text, symbols } = prepareSearchQuery(input);
  if (text === '') return { total: 0, text, symbols, ids: [], load: () => Promise.reject(new Error('no results')) };
  // Both searches run at once: the case-only one only reorders the results of the first.
  const bySymbol = symbols.length > 0 && filters.kind === undefined;
  const [all, cases] = await Promise.all([
    pagefind.search(text, { filters }),
    bySymbol ? pagefind.search(text, { filters: { ...filters, kind: 'case' } }) : undefined,
  ]);
  const byId = new Map(all.results.map((result) => [result.id, result]));
  let ids = all.results.map((result) => result.id);
  if (cases) {
    const first = cases.results.map((result) => result.id);
    const firstSet = new Set(first);
    for (const result of cases.results) byId.set(result.id, result);
    ids = [...first, ...ids.filter((id) => !firstSet.has(id))];
  }
  return {
    total: ids.length,
    text,
    symbols,
    ids,
    load: (id) => {
      const result = byId.get(id);
      return result ? result.data() : Promise.reject(new Error(`unknown result ${id}`));
    },
  };
}
