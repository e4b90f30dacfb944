import { searchSite, type PagefindApi } from '../lib/search/search-site.ts';
import type { PagefindModule } from '../lib/search/start-pagefind.ts';

declare global {
  interface Window {
    /** Set by the search page's inline head script (PAGEFIND_GLOBAL): Pagefind, started and ready to search. */
    oopsbookPagefind?: Promise<PagefindModule>;
  }
}

let searchGeneration = 0;

function loadPagefind(): Promise<PagefindApi> {
  return window.oopsbookPagefind ?? Promise.reject(new Error('the search page did not start Pagefind'));
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

/** Runs a query with facet filters against the Pagefind index and lists the results. */
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
  const search = await searchSite(await loadPagefind(), raw, filters);
  // Fetch every fragment at once but show each as soon as it and those above it have arrived, so
  // the first result does not wait for the twentieth.
  const loads = search.ids.slice(0, 20).map((id) => search.load(id));
  for (const load of loads) load.catch(() => undefined);
  let shown = 0;
  for (const load of loads) {
    const result = await load;
    // A newer search (a filter changed) owns the list now.
    if (generation !== searchGeneration) return shown;
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
    list.append(item);
    shown++;
  }
  const rewritten = search.text === raw.trim() ? '' : ` for “${search.text}”`;
  status.textContent = `${search.total} result${search.total === 1 ? '' : 's'}${rewritten}`;
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
