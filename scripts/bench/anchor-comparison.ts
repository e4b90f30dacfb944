import type { Browser } from 'playwright-core';
import { formatMs } from './format-table.ts';
import { median } from './median.ts';
import { measureAgainstAnchor } from './search-anchor.ts';
import type { SearchQuerySet } from './search-query-sets.ts';

/** Cold first-result times of one query on each side, in milliseconds, in the order measured. */
export interface QueryAgainstAnchor {
  query: string;
  oopsbook: number[];
  anchor: number[];
}

/**
 * Times each query cold, alone in a fresh browser context, `rounds` times on Oopsbook's search page
 * and as many on the anchor's (Pagefind UI), the sides taking turns. A page load in a context of its
 * own comes first, so the first query does not also pay for starting Chromium's renderer.
 */
export async function compareQueriesWithAnchor(browser: Browser, siteUrl: string, anchorUrl: string, queries: string[], rounds: number): Promise<QueryAgainstAnchor[]> {
  const warmUp = await browser.newContext();
  await (await warmUp.newPage()).goto(`${siteUrl}/`);
  await warmUp.close();
  const compared: QueryAgainstAnchor[] = [];
  for (const query of queries) {
    const timings = await measureAgainstAnchor(browser, siteUrl, anchorUrl, [query], rounds);
    compared.push({ query, oopsbook: timings.oopsbook.map((item) => item.ms), anchor: timings.anchor.map((item) => item.ms) });
  }
  return compared;
}

/** One line per query (median and range of each side, ratio of the medians), then the set's medians over every run and its target. */
export function formatAnchorComparison(set: SearchQuerySet, compared: QueryAgainstAnchor[]): string {
  const spread = (values: number[]) => `${formatMs(median(values))} (${formatMs(Math.min(...values))}–${formatMs(Math.max(...values))})`;
  const lines = [`${set.label}: first result, cold, Oopsbook vs Pagefind UI, median (range) of ${compared[0]?.oopsbook.length ?? 0} each`];
  for (const item of compared) lines.push(`  ${item.query}: ${spread(item.oopsbook)} vs ${spread(item.anchor)} = ${(median(item.oopsbook) / median(item.anchor)).toFixed(2)} ×`);
  const oopsbook = compared.flatMap((item) => item.oopsbook);
  const anchor = compared.flatMap((item) => item.anchor);
  const ratio = median(oopsbook) / median(anchor);
  const target = Number.isNaN(set.maxRatio) ? '' : `, target ≤ ${set.maxRatio.toFixed(1)} × ${ratio <= set.maxRatio ? 'pass' : 'miss'}`;
  lines.push(`  all: ${formatMs(median(oopsbook))} vs ${formatMs(median(anchor))} = ${ratio.toFixed(2)} ×${target}`);
  return lines.join('\n');
}
