import type { Browser } from 'playwright-core';
import { measureFirstSearchResult, OOPSBOOK_SEARCH_PAGE, type SearchPage, type SearchTiming } from './first-search-result.ts';
import { median } from './median.ts';

/**
 * The baseline site's search page (see baseline-project.ts): Pagefind's default UI, whose result
 * link (`.pagefind-ui__result-link`) it adds only once that result's fragment has loaded.
 */
export const PAGEFIND_UI_SEARCH_PAGE: SearchPage = {
  path: (query) => `/search/?q=${encodeURIComponent(query)}`,
  resultLink: '.pagefind-ui__result-link',
};

/** First-result timings of the same queries on Oopsbook's search page and on the anchor's. */
export interface AnchoredTimings {
  oopsbook: SearchTiming[];
  anchor: SearchTiming[];
}

/**
 * Times the first search result for `queries` on Oopsbook's site and on the anchor (the baseline
 * site with Pagefind UI), in the same browser: `rounds` fresh browser contexts for each, the
 * queries rotated each round so that each query is timed cold once per side for as many queries
 * as there are, and the two sides taking turns, each round starting with the other, so that a
 * busy moment on the machine falls on both.
 */
export async function measureAgainstAnchor(browser: Browser, siteUrl: string, anchorUrl: string, queries: string[], rounds: number): Promise<AnchoredTimings> {
  const timings: AnchoredTimings = { oopsbook: [], anchor: [] };
  for (let round = 0; round < rounds; round++) {
    const rotated = queries.map((_query, index) => queries[(index + round) % queries.length] ?? '');
    const oopsbook = async () => timings.oopsbook.push(...(await measureFirstSearchResult(browser, siteUrl, rotated, OOPSBOOK_SEARCH_PAGE)));
    const anchor = async () => timings.anchor.push(...(await measureFirstSearchResult(browser, anchorUrl, rotated, PAGEFIND_UI_SEARCH_PAGE)));
    for (const side of round % 2 === 0 ? [oopsbook, anchor] : [anchor, oopsbook]) await side();
  }
  return timings;
}

/** Median of the cold and of the warm timings of each side, and Oopsbook's cold median over the anchor's. */
export interface AnchoredSummary {
  oopsbookCold: number;
  oopsbookWarm: number;
  anchorCold: number;
  anchorWarm: number;
  coldCount: number;
  warmCount: number;
  /** Oopsbook's cold median divided by Pagefind UI's. */
  coldRatio: number;
}

export function summariseAgainstAnchor(timings: AnchoredTimings): AnchoredSummary {
  const of = (items: SearchTiming[], cold: boolean) => items.filter((item) => item.cold === cold).map((item) => item.ms);
  const oopsbookCold = median(of(timings.oopsbook, true));
  const anchorCold = median(of(timings.anchor, true));
  return {
    oopsbookCold,
    oopsbookWarm: median(of(timings.oopsbook, false)),
    anchorCold,
    anchorWarm: median(of(timings.anchor, false)),
    coldCount: of(timings.oopsbook, true).length,
    warmCount: of(timings.oopsbook, false).length,
    coldRatio: oopsbookCold / anchorCold,
  };
}
