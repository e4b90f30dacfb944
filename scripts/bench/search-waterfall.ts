import type { Browser } from 'playwright-core';
import { exposeSignal } from './page-signal.ts';

/** One thing that happened while the search page loaded, in milliseconds since navigation start. */
export interface WaterfallEvent {
  at: number;
  /** Resources and long tasks last; marks and milestones are instants. */
  duration?: number;
  kind: 'milestone' | 'resource' | 'mark' | 'longtask';
  name: string;
  /** For resources: when the response started, and its encoded body size. */
  responseStart?: number;
  bytes?: number;
}

export interface SearchWaterfall {
  query: string;
  /** True for the first query of a fresh browser context. */
  cold: boolean;
  events: WaterfallEvent[];
}

declare global {
  interface Window {
    __longTasks?: Array<[number, number]>;
    __searchDone?: () => void;
  }
}

/**
 * Opens `/search/?q=<query>` for each query in one browser context (the first cold, the rest
 * warm) and records, once the search has finished: the document's milestones, every resource
 * fetched, the User Timing marks the search page sets (startPagefind, runSearch) and long tasks.
 */
export async function recordSearchWaterfalls(browser: Browser, siteUrl: string, queries: string[]): Promise<SearchWaterfall[]> {
  const context = await browser.newContext();
  const searchDone = await exposeSignal(context, '__searchDone');
  await context.addInitScript(() => {
    window.__longTasks = [];
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) window.__longTasks?.push([entry.startTime, entry.duration]);
    }).observe({ type: 'longtask', buffered: true });
    new PerformanceObserver((list) => {
      if (list.getEntriesByName('search:done').length > 0) window.__searchDone?.();
    }).observe({ type: 'mark' });
  });
  const page = await context.newPage();
  const waterfalls: SearchWaterfall[] = [];
  try {
    for (const [index, query] of queries.entries()) {
      const done = searchDone();
      await page.goto(`${siteUrl}/search/?q=${encodeURIComponent(query)}`, { waitUntil: 'commit' });
      await done;
      const events = await page.evaluate(() => {
        const found: WaterfallEvent[] = [];
        const [navigation] = performance.getEntriesByType('navigation') as PerformanceNavigationTiming[];
        if (navigation) {
          found.push({ at: 0, duration: navigation.responseEnd, kind: 'resource', name: location.pathname + location.search, responseStart: navigation.responseStart, bytes: navigation.encodedBodySize });
          found.push({ at: navigation.domContentLoadedEventStart, kind: 'milestone', name: 'DOMContentLoaded' });
        }
        for (const entry of performance.getEntriesByType('resource') as PerformanceResourceTiming[]) {
          const url = new URL(entry.name);
          found.push({ at: entry.startTime, duration: entry.duration, kind: 'resource', name: url.pathname + url.search, responseStart: entry.responseStart, bytes: entry.encodedBodySize });
        }
        for (const entry of performance.getEntriesByType('mark')) found.push({ at: entry.startTime, kind: 'mark', name: entry.name });
        for (const [at, duration] of window.__longTasks ?? []) found.push({ at, duration, kind: 'longtask', name: 'long task' });
        return found.sort((a, b) => a.at - b.at);
      });
      waterfalls.push({ query, cold: index === 0, events });
    }
  } finally {
    await context.close();
  }
  return waterfalls;
}

/** One line per event: start, end or instant, and what it was. */
export function formatWaterfall(waterfall: SearchWaterfall): string {
  const ms = (value: number) => value.toFixed(1).padStart(7);
  const lines = [`${waterfall.cold ? 'cold' : 'warm'} /search/?q=${waterfall.query}`];
  for (const event of waterfall.events) {
    if (event.kind === 'resource') {
      const end = event.at + (event.duration ?? 0);
      lines.push(`${ms(event.at)} → ${ms(end)}  ${event.name} (first byte at ${(event.responseStart ?? 0).toFixed(1)}, ${event.bytes ?? 0} B)`);
    } else if (event.kind === 'longtask') {
      lines.push(`${ms(event.at)} → ${ms(event.at + (event.duration ?? 0))}  long task`);
    } else {
      lines.push(`${ms(event.at)}            ${event.kind === 'mark' ? 'mark ' : ''}${event.name}`);
    }
  }
  return lines.join('\n');
}
