import { prepareSearchQuery } from '../lib/search/prepare-query.ts';

interface PagefindResultData {
  url: string;
  excerpt: string;
  meta: Record<string, string>;
}
interface Pagefind {
  init(): Promise<void>;
  search(query: string): Promise<{ results: Array<{ data(): Promise<PagefindResultData> }> }>;
}

const base = import.meta.env.BASE_URL.replace(/\/$/, '');
let pagefind: Promise<Pagefind> | undefined;

function loadPagefind(): Promise<Pagefind> {
  pagefind ??= import(/* @vite-ignore */ `${base}/pagefind/pagefind.js`).then(async (module: Pagefind) => {
    await module.init();
    return module;
  });
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

/** Runs the query in `?q=` against the Pagefind index and lists the results. */
export async function runSearch(doc: Document, raw: string): Promise<number> {
  const status = doc.querySelector('#search-status');
  const list = doc.querySelector('#search-results');
  if (!status || !list) return 0;
  list.replaceChildren();
  const query = prepareSearchQuery(raw);
  if (query.text === '') {
    status.textContent = '';
    return 0;
  }
  status.textContent = 'Searching…';
  const search = await (await loadPagefind()).search(query.text);
  const results = await Promise.all(search.results.slice(0, 20).map((result) => result.data()));
  for (const result of results) {
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
  }
  const shown = query.text === raw.trim() ? '' : ` (searched for “${query.text}”)`;
  status.textContent = `${search.results.length} result${search.results.length === 1 ? '' : 's'}${shown}`;
  return results.length;
}

export function bindSearchPage(doc: Document): void {
  const input = doc.querySelector<HTMLInputElement>('#search-q');
  const raw = new URLSearchParams(location.search).get('q') ?? '';
  if (input) input.value = raw;
  void runSearch(doc, raw);
}
