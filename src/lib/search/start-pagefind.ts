import type { PagefindApi } from './search-site.ts';

/** The Pagefind module's own calls that starting it needs, besides what searching uses. */
export interface PagefindModule extends PagefindApi {
  init(): Promise<void>;
  preload(term: string): Promise<unknown>;
}

/**
 * Imports the Pagefind runtime, sets its options, starts loading its index and resolves once a
 * search will run at once.
 *
 * Runs in the browser as an inline script in the search page's `<head>` (see
 * pagefind-start-script.ts), so it must stay self-contained: no imports, no outer variables.
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
