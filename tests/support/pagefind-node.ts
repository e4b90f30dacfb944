import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export interface SearchHit {
  url: string;
  title: string;
  kind: string;
}

/**
 * Loads a built site's Pagefind index in Node: the same WebAssembly search the browser runs,
 * with `fetch` served from the files on disk.
 */
export async function openPagefind(siteDir: string): Promise<(query: string) => Promise<SearchHit[]>> {
  const original = globalThis.fetch;
  globalThis.fetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = String(input instanceof Request ? input.url : input);
    if (url.startsWith('file:')) return new Response(await readFile(fileURLToPath(url)));
    return original(input, init);
  }) as typeof fetch;
  const bundle = path.join(siteDir, 'pagefind');
  const pagefind = await import(pathToFileURL(path.join(bundle, 'pagefind.js')).href);
  await pagefind.options({ basePath: pathToFileURL(`${bundle}/`).href, baseUrl: '/' });
  await pagefind.init();
  return async (query: string) => {
    const search = await pagefind.search(query);
    const data = await Promise.all(search.results.map((result: { data(): Promise<unknown> }) => result.data()));
    return (data as Array<{ url: string; meta: Record<string, string> }>).map((item) => ({
      url: item.url.replace(/^.*?\/dist(?=\/)/, ''),
      title: item.meta.title ?? '',
      kind: item.meta.kind ?? '',
    }));
  };
}
