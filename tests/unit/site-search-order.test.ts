import { describe, expect, it } from 'vitest';
import { resultsInOrder, type PagefindApi, type SiteResult } from '../../src/lib/search/search-site.ts';

const idsOf = (next: IteratorResult<SiteResult[], void>) => (next.done ? undefined : next.value.map((result) => result.id));

/** A Pagefind that answers from fixed pages and logs each search it is asked for. */
function fakeIndex(pages: Array<{ id: string; kind: string }>) {
  const log: string[] = [];
  const pagefind: PagefindApi = {
    options: async () => undefined,
    search: async (query, options = {}) => {
      log.push(`search ${query} ${JSON.stringify(options.filters ?? {})}`);
      const kind = options.filters?.kind;
      const results = pages
        .filter((page) => kind === undefined || page.kind === kind)
        .map((page) => ({ id: page.id, data: async () => ({ url: `/${page.id}/`, excerpt: '', meta: { kind: page.kind } }) }));
      return { results };
    },
  };
  return { pagefind, log };
}

const pages = [
  { id: 'tool-a', kind: 'tool' },
  { id: 'case-b', kind: 'case' },
  { id: 'symptom-c', kind: 'symptom' },
  { id: 'case-d', kind: 'case' },
];

describe('resultsInOrder', () => {
  it('yields the cases of a symbol query before it runs the search over all pages', async () => {
    const { pagefind, log } = fakeIndex(pages);
    const batches = resultsInOrder(pagefind, 'foo_poll', ['foo_poll']);
    const first = await batches.next();
    expect(idsOf(first)).toEqual(['case-b', 'case-d']);
    expect(log).toEqual(['search foo_poll {"kind":"case"}']);
    const second = await batches.next();
    expect(idsOf(second)).toEqual(['tool-a', 'symptom-c']);
    expect(log).toEqual(['search foo_poll {"kind":"case"}', 'search foo_poll {}']);
    expect((await batches.next()).done).toBe(true);
  });

  it('runs one search, with the filters given, for text or an explicit kind', async () => {
    for (const [text, symbols, filters] of [
      ['bad page state', [], { status: 'open' }],
      ['foo_poll', ['foo_poll'], { kind: 'tool' }],
    ] as const) {
      const { pagefind, log } = fakeIndex(pages);
      const batches = [];
      for await (const batch of resultsInOrder(pagefind, text, symbols, filters)) batches.push(batch.map((result) => result.id));
      expect(log).toEqual([`search ${text} ${JSON.stringify(filters)}`]);
      expect(batches).toHaveLength(1);
    }
  });

  it('yields nothing for an empty query', async () => {
    const { pagefind, log } = fakeIndex(pages);
    for await (const batch of resultsInOrder(pagefind, '', [])) expect(batch).toEqual([]);
    expect(log).toEqual([]);
  });
});
