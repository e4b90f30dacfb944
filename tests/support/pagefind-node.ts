import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { TITLE_INDEX_FOLDER } from '../../src/lib/search/lookup-titles.ts';
import { SEARCH_RANKING, searchSite } from '../../src/lib/search/search-site.ts';
import type { PagefindApi } from '../../src/lib/search/site-result.ts';
import { SYMBOL_INDEX_FOLDER } from '../../src/lib/search/symbol-results.ts';
import type { SymbolIndexShard } from '../../src/lib/search/symbol-index.ts';
import type { TitleIndexShard } from '../../src/lib/search/title-index.ts';

export interface SearchHit {
  url: string;
  /** The URL without its anchor: a case found through the symbol index links to the trace. */
  page: string;
  title: string;
  kind: string;
}

/**
 * Loads a built site's Pagefind, symbol and title indexes in Node: the same WebAssembly search and
 * the same `searchSite` the search page runs, with `fetch` served from the files on disk.
 */
export async function openPagefind(siteDir: string): Promise<(query: string, filters?: Record<string, string>) => Promise<SearchHit[]>> {
  const original = globalThis.fetch;
  globalThis.fetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = String(input instanceof Request ? input.url : input);
    if (url.startsWith('file:')) return new Response(await readFile(fileURLToPath(url)));
    return original(input, init);
  }) as typeof fetch;
  const bundle = path.join(siteDir, 'pagefind');
  const pagefind = (await import(pathToFileURL(path.join(bundle, 'pagefind.js')).href)) as PagefindApi & { init(): Promise<void> };
  await pagefind.options({ basePath: pathToFileURL(`${bundle}/`).href, baseUrl: '/', ranking: SEARCH_RANKING });
  await pagefind.init();
  // The shards of the symbol and title indexes, read from the built site as the page fetches them.
  const shardReader =
    <Shard>(folder: string) =>
    async (key: string) => {
      const file = path.join(siteDir, folder, `${key}.json`);
      return existsSync(file) ? (JSON.parse(await readFile(file, 'utf8')) as Shard) : undefined;
    };
  const indexes = {
    pagefind: () => Promise.resolve(pagefind),
    symbols: shardReader<SymbolIndexShard>(SYMBOL_INDEX_FOLDER),
    titles: shardReader<TitleIndexShard>(TITLE_INDEX_FOLDER),
  };
  return async (query, filters = {}) => {
    const search = await searchSite(indexes, query, filters);
    const data = await Promise.all(search.results.map((result) => result.data()));
    return data.map((item) => ({ url: item.url, page: item.url.replace(/#.*$/, ''), title: item.meta.title ?? '', kind: item.meta.kind ?? '' }));
  };
}
