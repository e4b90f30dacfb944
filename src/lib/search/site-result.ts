// The shape of a search result, shared by the three sources a search reads (Pagefind, the
// symbol index, the title index) and the page that lists them.

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
  /** The page's indexed text, which Pagefind's results carry: pagesMentioning checks it. */
  content?: string;
}

/** One result, from Pagefind, the symbol index or the title index: its id, and its URL, title and excerpt once loaded. */
export interface SiteResult {
  id: string;
  data(): Promise<PagefindResultData>;
}
