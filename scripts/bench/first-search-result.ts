import type { Browser } from 'playwright-core';
import { exposeSignal } from './page-signal.ts';

/** Time from navigation start to the first result link on a search page, per query. */
export interface SearchTiming {
  query: string;
  /** True for the first query of a fresh browser context (empty HTTP cache, no search runtime loaded). */
  cold: boolean;
  ms: number;
}

/** A site's search page as the measurement opens it: its address for a query, and what a result link is. */
export interface SearchPage {
  /** Path of the page for a query, from the site's root. */
  path(query: string): string;
  /** CSS selector that matches once the page shows its first result link. */
  resultLink: string;
}

/** Oopsbook's search page: `/search/?q=`, results listed in `#search-results`. */
export const OOPSBOOK_SEARCH_PAGE: SearchPage = {
  path: (query) => `/search/?q=${encodeURIComponent(query)}`,
  resultLink: '#search-results li a',
};

declare global {
  interface Window {
    __firstSearchResult?: (ms: number) => void;
  }
}

/**
 * Opens the search page for each query in one browser context and records, inside the page,
 * `performance.now()` (milliseconds since navigation start) when the first element matching
 * `page.resultLink` is added to the DOM: HTML, the search script, the search runtime, its index
 * chunks and the result fragment all count. The first query runs cold, the others warm.
 */
export async function measureFirstSearchResult(browser: Browser, siteUrl: string, queries: string[], searchPage: SearchPage = OOPSBOOK_SEARCH_PAGE): Promise<SearchTiming[]> {
  const context = await browser.newContext();
  const firstResult = await exposeSignal(context, '__firstSearchResult');
  await context.addInitScript((selector: string) => {
    const observer = new MutationObserver(() => {
      if (document.querySelector(selector)) {
        observer.disconnect();
        window.__firstSearchResult?.(performance.now());
      }
    });
    observer.observe(document, { childList: true, subtree: true });
  }, searchPage.resultLink);
  const page = await context.newPage();
  const timings: SearchTiming[] = [];
  try {
    for (const [index, query] of queries.entries()) {
      const reported = firstResult();
      const url = `${siteUrl}${searchPage.path(query)}`;
      // Navigation only has to start: the page reports the result itself.
      await page.goto(url, { waitUntil: 'commit' });
      const ms = await reported.catch((error: unknown) => {
        throw new Error(`${url} showed no ${searchPage.resultLink}: ${error instanceof Error ? error.message : String(error)}`);
      });
      timings.push({ query, cold: index === 0, ms: Number(ms) });
    }
  } finally {
    await context.close();
  }
  return timings;
}
