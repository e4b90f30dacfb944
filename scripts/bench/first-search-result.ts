import type { Browser } from 'playwright-core';
import { exposeSignal } from './page-signal.ts';

/** Time from navigation start to the first result link on the search page, per query. */
export interface SearchTiming {
  query: string;
  /** True for the first query of a fresh browser context (empty HTTP cache, Pagefind not loaded). */
  cold: boolean;
  ms: number;
}

declare global {
  interface Window {
    __firstSearchResult?: (ms: number) => void;
  }
}

/**
 * Opens `/search/?q=<query>` for each query in one browser context and records, inside the page,
 * `performance.now()` (milliseconds since navigation start) when the first `#search-results li a`
 * is added to the DOM: HTML, the search script, the Pagefind runtime, its index chunks and the
 * result fragment all count. The first query runs cold, the others warm.
 */
export async function measureFirstSearchResult(browser: Browser, siteUrl: string, queries: string[]): Promise<SearchTiming[]> {
  const context = await browser.newContext();
  const firstResult = await exposeSignal(context, '__firstSearchResult');
  await context.addInitScript(() => {
    const observer = new MutationObserver(() => {
      if (document.querySelector('#search-results li a')) {
        observer.disconnect();
        window.__firstSearchResult?.(performance.now());
      }
    });
    observer.observe(document, { childList: true, subtree: true });
  });
  const page = await context.newPage();
  const timings: SearchTiming[] = [];
  try {
    for (const [index, query] of queries.entries()) {
      const reported = firstResult();
      // Navigation only has to start: the page reports the result itself.
      await page.goto(`${siteUrl}/search/?q=${encodeURIComponent(query)}`, { waitUntil: 'commit' });
      timings.push({ query, cold: index === 0, ms: Number(await reported) });
    }
  } finally {
    await context.close();
  }
  return timings;
}
