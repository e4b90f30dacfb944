import { createHash } from 'node:crypto';
import { installPagefindFetch } from './pagefind-fetch.ts';
import { SEARCH_RANKING } from './search-site.ts';
import { startPagefind } from './start-pagefind.ts';

/** Where the inline start script leaves its promise for the search page's script. */
export const PAGEFIND_GLOBAL = 'oopsbookPagefind';

/**
 * Options every search page passes to Pagefind. `noWorker`: Pagefind 1.5 searches in a web worker
 * by default, and starting that worker (a second JavaScript realm loading its own 40 KB copy of
 * the runtime) took 35–45 ms on the critical path; the search page does one search per load, not
 * one per keystroke, so the main thread is free to do it. Compiling the WebAssembly on the main
 * thread needs 'wasm-unsafe-eval' in the page's script-src.
 */
export const PAGEFIND_OPTIONS = { ranking: SEARCH_RANKING, noWorker: true } as const;

/** How often to ask Pagefind whether it is ready; see startPagefind. */
const PROBE_MS = 5;

/**
 * The inline `<head>` script that starts Pagefind while the rest of the page still loads, when
 * the URL holds a query, and its CSP hash. The source is installPagefindFetch's and startPagefind's own compiled text, so the
 * browser runs the same functions the unit tests run.
 */
export function pagefindStartScript(base: string): { source: string; hash: `sha256-${string}` } {
  const bundle = `${base}/pagefind/`;
  // Without a query the page searches nothing, and submitting the form loads a new page.
  const source = [
    `if (new URLSearchParams(location.search).get('q')?.trim()) {`,
    `(${installPagefindFetch.toString()})(window, ${JSON.stringify(bundle)});`,
    `window.${PAGEFIND_GLOBAL} = (${startPagefind.toString()})(${JSON.stringify(`${bundle}pagefind.js`)}, ${JSON.stringify(PAGEFIND_OPTIONS)}, ${PROBE_MS});`,
    '}',
  ].join('\n');
  return { source, hash: `sha256-${createHash('sha256').update(source).digest('base64')}` };
}
