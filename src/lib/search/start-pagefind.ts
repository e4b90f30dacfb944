import { SEARCH_RANKING } from './search-site.ts';
import type { PagefindApi } from './site-result.ts';

/**
 * Options the search page passes to Pagefind. `noWorker`: Pagefind 1.5 searches in a web worker
 * by default, and starting that worker (a second JavaScript realm loading its own 40 KB copy of
 * the runtime) takes 35–45 ms on the critical path; the search page does one search per load, not
 * one per keystroke, so the main thread is free to do it. Compiling the WebAssembly on the main
 * thread needs 'wasm-unsafe-eval' in the page's script-src.
 */
export const PAGEFIND_OPTIONS = { ranking: SEARCH_RANKING, noWorker: true } as const;

/** How often the search page asks Pagefind whether it is ready; see startPagefind. */
export const PAGEFIND_PROBE_MS = 5;

/** The Pagefind module's own calls that starting it needs, besides what searching uses. */
export interface PagefindModule extends PagefindApi {
  init(): Promise<void>;
  preload(term: string): Promise<unknown>;
}

/**
 * Imports the Pagefind runtime, sets its options, starts loading its index and resolves once a
 * search will run at once.
 *
 * Why the probes: Pagefind 1.5 answers a search that arrives before its WebAssembly and metadata
 * are ready by re-checking every 50 ms (`getPtr`), so a search sent a little too early starts up
 * to 50 ms late. `preload('')` waits the same way but costs nothing once ready; sending one every
 * `probeMs` until one returns tells within `probeMs` when Pagefind is ready, and only then does the
 * page send its real search.
 */
export async function startPagefind(url: string, options: Record<string, unknown>, probeMs: number): Promise<PagefindModule> {
  const pagefind = (await import(/* @vite-ignore */ url)) as PagefindModule;
  // User Timing marks, for the browser's performance tools and scripts/search-waterfall.ts.
  performance.mark('pagefind:imported');
  await pagefind.options(options);
  await pagefind.init();
  await new Promise<void>((resolve, reject) => {
    let settled = false;
    const probe = () => {
      if (settled) return;
      pagefind.preload('').then(
        () => {
          settled = true;
          resolve();
        },
        (error: unknown) => {
          settled = true;
          reject(error);
        },
      );
      setTimeout(probe, probeMs);
    };
    probe();
  });
  performance.mark('pagefind:ready');
  return pagefind;
}
