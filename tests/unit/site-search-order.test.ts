import { describe, expect, it } from 'vitest';
import { resultsInOrder, type PagefindApi, type ResultBatch } from '../../src/lib/search/search-site.ts';

const idsOf = (next: IteratorResult<ResultBatch, void>) => (next.done ? undefined : next.value.results.map((result) => result.id));

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
      return { results, unfilteredResultCount: pages.length };
    },
  };
  return { pagefind, log };
}

const pages = [
  { id: 'tool-a', kind: 'tool' },
  { id: 'case-b', kind: 'case', status: 'open' },
  { id: 'symptom-c', kind: 'symptom' },
  { id: 'case-d', kind: 'case', status: 'root-caused' },
];

describe('resultsInOrder', () => {
  it('yields the cases of a symbol query, with the total, before it runs the search over all pages', async () => {
    const { pagefind, log } = fakeIndex(pages);
    const batches = resultsInOrder(pagefind, 'foo_poll', ['foo_poll']);
    const first = await batches.next();
    expect(idsOf(first)).toEqual(['case-b', 'case-d']);
    expect(first.value?.total).toBe(4);
    expect(log).toEqual(['search foo_poll {"kind":"case"}']);
    const second = await batches.next();
    expect(idsOf(second)).toEqual(['tool-a', 'symptom-c']);
    expect(second.value?.total).toBe(4);
    expect(log).toEqual(['search foo_poll {"kind":"case"}', 'search foo_poll {}']);
    expect((await batches.next()).done).toBe(true);
  });

  it('skips the search over all pages when the cases fill the list', async () => {
    const { pagefind, log } = fakeIndex(pages);
    const batches = [];
    for await (const batch of resultsInOrder(pagefind, 'foo_poll', ['foo_poll'], {}, 2)) batches.push(batch);
    expect(batches).toEqual([expect.objectContaining({ total: 4 })]);
    expect(log).toEqual(['search foo_poll {"kind":"case"}']);
  });

  it('leaves the total to the search over all pages when another filter is set', async () => {
    const { pagefind, log } = fakeIndex(pages);
    const batches = [];
    for await (const batch of resultsInOrder(pagefind, 'foo_poll', ['foo_poll'], { status: 'open' }, 1)) batches.push(batch);
    expect(batches.map((batch) => [batch.results.map((result) => result.id), batch.total])).toEqual([
      [['case-b'], undefined],
      [[], 1],
    ]);
    expect(log).toEqual(['search foo_poll {"status":"open","kind":"case"}', 'search foo_poll {"status":"open"}']);
  });

  it('runs one search, with the filters given, for text or an explicit kind', async () => {
    for (const [text, symbols, filters] of [
      ['bad page state', [], { status: 'open' }],
      ['foo_poll', ['foo_poll'], { kind: 'tool' }],
    ] as const) {
      const { pagefind, log } = fakeIndex(pages);
      const batches = [];
      for await (const batch of resultsInOrder(pagefind, text, symbols, filters)) batches.push(batch.results.map((result) => result.id));
      expect(log).toEqual([`search ${text} ${JSON.stringify(filters)}`]);
      expect(batches).toHaveLength(1);
    }
  });

  it('yields nothing for an empty query', async () => {
    const { pagefind, log } = fakeIndex(pages);
    const batches = [];
    for await (const batch of resultsInOrder(pagefind, '', [])) batches.push(batch);
    expect(batches).toEqual([]);
    expect(log).toEqual([]);
  });
});
