import { fetchShards } from '../lib/search/fetch-shards.ts';
import { TITLE_INDEX_FOLDER } from '../lib/search/lookup-titles.ts';
import { prepareSearchQuery } from '../lib/search/prepare-query.ts';
import { resultsInOrder, type SearchIndexes } from '../lib/search/search-site.ts';
import type { PagefindApi, PagefindResultData, SiteResult } from '../lib/search/site-result.ts';
import { searchStatus, type SearchTotals } from '../lib/search/search-status.ts';
import { installPagefindFetch } from '../lib/search/pagefind-fetch.ts';
import { prefetchedFetch } from '../lib/search/shard-prefetch.ts';
import { PAGEFIND_OPTIONS, PAGEFIND_PROBE_MS, startPagefind, type PagefindModule } from '../lib/search/start-pagefind.ts';
import type { SymbolIndexShard } from '../lib/search/symbol-index.ts';
import { pageOf, SYMBOL_INDEX_FOLDER } from '../lib/search/symbol-results.ts';
import type { TitleIndexShard } from '../lib/search/title-index.ts';

let searchGeneration = 0;

const base = import.meta.env.BASE_URL.replace(/\/$/, '');
let pagefind: Promise<PagefindModule> | undefined;

/**
 * Starts Pagefind on first use: resultsInOrder asks for it once the symbol and title indexes have
 * answered. Its downloads, inflating and WebAssembly compile hold the main thread, and started
 * while the page loads they would delay those indexes' first result (see docs/search.md).
 */
function loadPagefind(): Promise<PagefindApi> {
  pagefind ??= (() => {
    installPagefindFetch(window, `${base}/pagefind/`);
    // Pagefind names pages from the built folder's top; the site lives under the base. Pagefind 1.5
    // would derive the same from where pagefind.js is served; stated here, result links do not
    // depend on how it guesses.
    return startPagefind(`${base}/pagefind/pagefind.js`, { ...PAGEFIND_OPTIONS, baseUrl: `${base}/` }, PAGEFIND_PROBE_MS);
  })();
  return pagefind;
}

/** Copies an excerpt's text and its `<mark>` highlights only: nothing else from the index becomes markup. */
function excerptNodes(excerpt: string, doc: Document): Node[] {
  const parsed = new DOMParser().parseFromString(`<p>${excerpt}</p>`, 'text/html');
  const nodes: Node[] = [];
  for (const node of parsed.body.firstChild?.childNodes ?? []) {
    if (node.nodeName === 'MARK') {
      const mark = doc.createElement('mark');
      mark.textContent = node.textContent;
      nodes.push(mark);
    } else {
      nodes.push(doc.createTextNode(node.textContent ?? ''));
    }
  }
  return nodes;
}

/** A result as a list item: kind, link and excerpt. */
function resultItem(result: PagefindResultData, doc: Document): HTMLLIElement {
  const item = doc.createElement('li');
  const kind = doc.createElement('span');
  kind.className = 'kind';
  kind.textContent = result.meta.kind ?? 'page';
  const link = doc.createElement('a');
  link.href = result.url;
  link.textContent = result.meta.title ?? result.url;
  const excerpt = doc.createElement('p');
  excerpt.append(...excerptNodes(result.excerpt, doc));
  item.append(kind, link, excerpt);
  return item;
}

/** How many results the page lists. */
const SHOWN = 20;

// The page's head has already requested the shards the query most likely needs (shard-prefetch.ts).
const shardFetch = prefetchedFetch(window as unknown as { fetch: typeof fetch } & Record<string, unknown>);
const indexes: SearchIndexes = {
  pagefind: loadPagefind,
  symbols: fetchShards<SymbolIndexShard>(base, SYMBOL_INDEX_FOLDER, shardFetch),
  titles: fetchShards<TitleIndexShard>(base, TITLE_INDEX_FOLDER, shardFetch),
};

/** Runs a query with facet filters against the symbol, title and full-text indexes and lists the results. */
export async function runSearch(doc: Document, raw: string, filters: Record<string, string> = {}): Promise<number> {
  const status = doc.querySelector('#search-status');
  const list = doc.querySelector('#search-results');
  if (!status || !list) return 0;
  list.replaceChildren();
  if (raw.trim() === '') {
    status.textContent = '';
    return 0;
  }
  status.textContent = 'Searching…';
  const generation = ++searchGeneration;
  // A newer search (a filter changed) owns the list once it has started.
  const stale = () => generation !== searchGeneration;
  const { text, symbols } = prepareSearchQuery(raw);
  const listed: SiteResult[] = [];
  const totals: SearchTotals = { symbols: 0, titles: 0, titlesComplete: true, pages: 0 };
  // Symbols the query names (a frame, or a name with an underscore) that no case's stacks hold are
  // said first, before any page that only mentions them. A filter to another kind of page lists no
  // cases at all, so there is nothing to say then.
  const casesWanted = filters.kind === undefined || filters.kind === 'case';
  const missingSymbols = () => (casesWanted && totals.symbols === 0 ? symbols : []);
  // Pages listed so far: a case found through its stacks and again by its text is listed once.
  const pages = new Set<string>();
  let shown = 0;
  const show = (result: PagefindResultData) => {
    const page = pageOf(result.url);
    if (pages.has(page)) return;
    pages.add(page);
    list.append(resultItem(result, doc));
    shown++;
  };
  for await (const batch of resultsInOrder(indexes, text, symbols, filters, SHOWN, base)) {
    if (stale()) return shown;
    performance.mark('search:results');
    totals[batch.source] = batch.total;
    if (batch.source === 'titles') totals.titlesComplete = batch.complete;
    if (batch.source === 'pages') totals.pagesComplete = batch.complete;
    listed.push(...batch.results.slice(0, SHOWN - listed.length));
    if (shown === 0 && listed[0]) {
      // The first result is shown before the next search runs, and its fragment is fetched alone:
      // fetched with the other nineteen it shares the connection and the server with them and
      // arrives 30–50 ms later.
      const first = await listed[0].data();
      if (stale()) return shown;
      show(first);
      performance.mark('search:first-result');
    }
  }
  // The rest are fetched at once and each is shown as soon as it and those above it have arrived.
  const loads = listed.slice(1).map((result) => result.data());
  for (const load of loads) load.catch(() => undefined);
  for (const load of loads) {
    const result = await load;
    if (stale()) return shown;
    show(result);
  }
  if (stale()) return shown;
  status.textContent = searchStatus({ ...totals, missingSymbols: missingSymbols() }, text === raw.trim() ? '' : text, text);
  performance.mark('search:done');
  return shown;
}

/** Reads `?q=` and the facet parameters, runs the search, and re-runs it when a filter changes. */
export function bindSearchPage(doc: Document): void {
  const input = doc.querySelector<HTMLInputElement>('#search-q');
  const form = doc.querySelector<HTMLFormElement>('#search-filters');
  const selects = [...(form?.querySelectorAll<HTMLSelectElement>('select') ?? [])];
  const params = new URLSearchParams(location.search);
  const raw = params.get('q') ?? '';
  if (input) input.value = raw;
  for (const select of selects) select.value = params.get(select.name) ?? '';

  const run = () => {
    const filters = Object.fromEntries(selects.filter((select) => select.value !== '').map((select) => [select.name, select.value]));
    history.replaceState(null, '', `?${new URLSearchParams({ q: raw, ...filters })}`);
    void runSearch(doc, raw, filters);
  };
  form?.addEventListener('change', run);
  run();
}
