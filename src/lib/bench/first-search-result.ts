import type { Browser } from 'playwright-core';

/** Time from navigation start to the first result link on the search page, per query. */
export interface SearchTiming {
  query: string;
  /** True for the first query of a fresh browser context (empty HTTP cache, Pagefind not loaded). */
  cold: boolean;
  ms: number;
}

declare global {
  interface Window {
    __firstResultAt?: number;
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
  await context.addInitScript(() => {
    const observer = new MutationObserver(() => {
      if (window.__firstResultAt === undefined && document.querySelector('#search-results li a')) {
        window.__firstResultAt = performance.now();
        observer.disconnect();
      }
    });
    observer.observe(document, { childList: true, subtree: true });
  });
  const page = await context.newPage();
  const timings: SearchTiming[] = [];
  try {
    for (const [index, query] of queries.entries()) {
      await page.goto(`${siteUrl}/search/?q=${encodeURIComponent(query)}`);
      await page.waitForFunction(() => window.__firstResultAt !== undefined, undefined, { timeout: 60_000 });
      const ms = await page.evaluate(() => window.__firstResultAt ?? Number.NaN);
      timings.push({ query, cold: index === 0, ms });
    }
  } finally {
    await context.close();
  }
  return timings;
}
