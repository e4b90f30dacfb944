/** What installPagefindFetch needs of the page: `window` in the browser, a stand-in in tests. */
export interface PagefindFetchHost {
  fetch: typeof fetch;
  location: { href: string };
  document: { documentElement: { getAttribute(name: string): string | null } };
}

/**
 * Makes the search page's `fetch` faster for Pagefind, which loads everything through it.
 *
 * - Pagefind's index files are gzip-compressed, and Pagefind inflates them in JavaScript on the
 *   main thread (its metadata and WebAssembly alone take 20–40 ms of a search page load at 10,000
 *   cases); here the browser's native DecompressionStream inflates them instead. Pagefind then
 *   finds its own "pagefind_dcd" signature at the start and skips its inflate.
 * - Pagefind reads pagefind-entry.json only once its runtime has loaded, and only then fetches
 *   the metadata and WebAssembly it names. This fetches the entry at once (with a fresh `ts`, as
 *   Pagefind does), then the two files it names, and hands each response over on Pagefind's first
 *   request for it.
 */
export function installPagefindFetch(host: PagefindFetchHost, bundle: string): void {
  const network = host.fetch.bind(host);
  // The entry is known by its path alone: Pagefind adds its own cache-busting query.
  const keyOf = (input: RequestInfo | URL) => {
    const url = new URL(typeof input === 'string' ? input : input instanceof URL ? input.href : input.url, host.location.href);
    return url.pathname.endsWith('/pagefind-entry.json') ? url.pathname : url.href;
  };
  const inflate = async (response: Response): Promise<Response> => {
    if (!response.ok) return response;
    const bytes = new Uint8Array(await response.arrayBuffer());
    // A host that sends these files with Content-Encoding: gzip has had them inflated already.
    if (bytes[0] !== 0x1f || bytes[1] !== 0x8b) return new Response(bytes);
    return new Response(new Response(bytes).body?.pipeThrough(new DecompressionStream('gzip')));
  };
  const load = (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const response = network(input, init);
    return /\.(?:pagefind|pf_meta|pf_index|pf_filter|pf_fragment)$/.test(keyOf(input)) ? response.then(inflate) : response;
  };
  const early = new Map<string, Promise<Response>>();
  const fetchEarly = (href: string): Promise<Response> => {
    const response = load(href);
    early.set(keyOf(href), response);
    return response;
  };
  host.fetch = (input, init) => {
    const key = keyOf(input);
    const response = early.get(key);
    if (response === undefined) return load(input, init);
    early.delete(key);
    return response;
  };
  fetchEarly(`${bundle}pagefind-entry.json?ts=${Date.now()}`)
    // Reads a copy: this reaction was registered first, so it runs before Pagefind reads the body.
    .then((response) => response.clone().json())
    .then((entry: { languages?: Record<string, { hash: string; wasm?: string; page_count: number }> }) => {
      // The index Pagefind picks: the page's language (an empty lang counts as none, as in
      // Pagefind), its base language, else the largest.
      const lang = (host.document.documentElement.getAttribute('lang') || 'unknown').toLowerCase();
      const languages = entry.languages ?? {};
      const index =
        languages[lang] ?? languages[lang.split('-')[0] ?? lang] ?? Object.values(languages).sort((a, b) => b.page_count - a.page_count)[0];
      if (!index) return;
      void fetchEarly(`${bundle}pagefind.${index.hash}.pf_meta`).catch(() => undefined);
      void fetchEarly(`${bundle}wasm.${index.wasm ?? 'unknown'}.pagefind`).catch(() => undefined);
    })
    .catch(() => undefined);
}
