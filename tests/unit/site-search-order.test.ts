import { describe, expect, it } from 'vitest';
import { resultsInOrder, type ResultBatch, type SearchIndexes } from '../../src/lib/search/search-site.ts';
import type { PagefindApi } from '../../src/lib/search/site-result.ts';
import type { SymbolIndexShard } from '../../src/lib/search/symbol-index.ts';
import { buildTitleIndex, type TitleIndexShard } from '../../src/lib/search/title-index.ts';

/** A Pagefind that answers from fixed pages and logs each search it is asked for. */
function fakeIndex(pages: Array<{ id: string; kind: string; status?: string }>) {
  const log: string[] = [];
  const pagefind: PagefindApi = {
    options: async () => undefined,
    search: async (query, options = {}) => {
      log.push(`search ${query} ${JSON.stringify(options.filters ?? {})}`);
      const filters = Object.entries(options.filters ?? {});
      const results = pages
        .filter((page) => filters.every(([name, value]) => (page as Record<string, string | undefined>)[name] === value))
        .map((page) => ({ id: page.id, data: async () => ({ url: `/${page.id}/`, excerpt: '', meta: { kind: page.kind } }) }));
      return { results };
    },
  };
  return { pagefind: async () => pagefind, log };
}

const pages = [
  { id: 'tool-a', kind: 'tool' },
  { id: 'cases/case-b', kind: 'case', status: 'open' },
  { id: 'symptom-c', kind: 'symptom' },
];

/** One shard: `foo_poll` is in the stacks of two cases, one of them open. */
const shard: SymbolIndexShard = {
  symbols: {
    foo_poll: {
      total: 2,
      hits: [
        { case: 'case-b', stack: 0, frame: 'foo_poll+0x1f/0x80 [foo]', depth: 2 },
        { case: 'case-e', stack: 1, frame: 'foo_poll+0x1f/0x80 [foo]', depth: 5 },
      ],
    },
  },
  cases: { 'case-b': { title: 'B', facets: ['status:open'] }, 'case-e': { title: 'E', facets: ['status:root-caused'] } },
};
const loadShard = async (key: string) => (key === 'fo' ? shard : undefined);

/** The title index of three pages: a symptom, and two cases titled with `foo_poll`, one also in its stacks. */
const titleShards = buildTitleIndex([
  { url: '/symptoms/stall/', title: 'Stall in foo driver', kind: 'symptom', facets: ['kind:symptom'], excerpt: 'A stall.' },
  { url: '/cases/case-b/', title: 'Stall in foo_poll', kind: 'case', facets: ['kind:case', 'status:open'], excerpt: 'B.' },
  { url: '/cases/case-f/', title: 'Oops in foo_poll', kind: 'case', facets: ['kind:case', 'status:open'], excerpt: 'F.' },
]);
const loadTitles = async (key: string) => titleShards.get(key);
const noTitles = async (): Promise<TitleIndexShard | undefined> => undefined;

const indexesOf = (pagefind: () => Promise<PagefindApi>, titles: SearchIndexes['titles'] = noTitles): SearchIndexes => ({ pagefind, symbols: loadShard, titles });

/** The batches by source: the full-text pages may come in two (the first result alone), joined here; the last one's total counts. */
async function collect(batches: AsyncGenerator<ResultBatch>) {
  const out: Array<{ source: string; total: number; urls: string[] }> = [];
  for await (const batch of batches) {
    const urls = await Promise.all(batch.results.map(async (result) => (await result.data()).url));
    const previous = out.at(-1);
    if (previous?.source === batch.source) Object.assign(previous, { total: batch.total, urls: [...previous.urls, ...urls] });
    else out.push({ source: batch.source, total: batch.total, urls });
  }
  return out;
}

describe('resultsInOrder', () => {
  it('lists the cases holding a symbol from the symbol index, then the pages that mention it', async () => {
    const { pagefind, log } = fakeIndex(pages);
    expect(await collect(resultsInOrder(indexesOf(pagefind), 'foo_poll', ['foo_poll']))).toEqual([
      { source: 'symbols', total: 2, urls: ['/cases/case-b/#stack-1', '/cases/case-e/#stack-2'] },
      { source: 'pages', total: 3, urls: ['/tool-a/', '/cases/case-b/', '/symptom-c/'] },
    ]);
    expect(log).toEqual(['search foo_poll {}']);
  });

  it('shows the symbol cases without waiting for the full-text index', async () => {
    let started = false;
    const batches = resultsInOrder(
      indexesOf(() => {
        started = true;
        return new Promise<PagefindApi>(() => undefined);
      }),
      'foo_poll',
      ['foo_poll'],
    );
    const first = await batches.next();
    expect(first.done).toBe(false);
    expect(first.value?.source).toBe('symbols');
    expect(started).toBe(false);
  });

  it('skips the full-text search when the symbol cases fill the list', async () => {
    const { pagefind, log } = fakeIndex(pages);
    expect((await collect(resultsInOrder(indexesOf(pagefind), 'foo_poll', ['foo_poll'], {}, 2))).map((batch) => batch.source)).toEqual(['symbols']);
    expect(log).toEqual([]);
  });

  it('applies facet filters to both indexes', async () => {
    const { pagefind, log } = fakeIndex(pages);
    const batches = await collect(resultsInOrder(indexesOf(pagefind), 'foo_poll', ['foo_poll'], { status: 'open' }));
    expect(batches.map((batch) => [batch.source, batch.urls])).toEqual([
      ['symbols', ['/cases/case-b/#stack-1']],
      ['pages', ['/cases/case-b/']],
    ]);
    expect(log).toEqual(['search foo_poll {"status":"open"}']);
  });

  it('goes to the full-text index alone for words, or for another kind of page', async () => {
    for (const [text, symbols, filters] of [
      ['bad page state', [], {}],
      ['foo_poll', ['foo_poll'], { kind: 'tool' }],
    ] as const) {
      const { pagefind, log } = fakeIndex(pages);
      const batches = await collect(resultsInOrder(indexesOf(pagefind), text, symbols, { ...filters }));
      expect(batches.map((batch) => batch.source)).toEqual(['pages']);
      expect(log).toHaveLength(1);
    }
  });

  it('lists the pages titled with the words between the symbol cases and the full-text pages, each page once', async () => {
    const { pagefind } = fakeIndex(pages);
    const batches = await collect(resultsInOrder(indexesOf(pagefind, loadTitles), 'foo_poll', ['foo_poll']));
    expect(batches.map((batch) => [batch.source, batch.urls])).toEqual([
      ['symbols', ['/cases/case-b/#stack-1', '/cases/case-e/#stack-2']],
      ['titles', ['/cases/case-f/']],
      ['pages', ['/tool-a/', '/cases/case-b/', '/symptom-c/']],
    ]);
  });

  it('shows the titled pages without waiting for the full-text index, and filters them', async () => {
    let started = false;
    const indexes = indexesOf(() => {
      started = true;
      return new Promise<PagefindApi>(() => undefined);
    }, loadTitles);
    const { pagefind } = fakeIndex(pages);
    const first = await resultsInOrder(indexes, 'stall', []).next();
    expect(first.value).toMatchObject({ source: 'titles', total: 2, complete: true });
    expect(started).toBe(false);
    const [filtered] = await collect(resultsInOrder(indexesOf(pagefind, loadTitles), 'stall', [], { kind: 'case' }));
    expect(filtered).toEqual({ source: 'titles', total: 1, urls: ['/cases/case-b/'] });
  });

  it('yields nothing for an empty query', async () => {
    const { pagefind, log } = fakeIndex(pages);
    expect(await collect(resultsInOrder(indexesOf(pagefind), '', []))).toEqual([]);
    expect(log).toEqual([]);
  });
});
