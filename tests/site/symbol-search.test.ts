import { beforeAll, describe, expect, it } from 'vitest';
import { openPagefind, type SearchHit } from '../support/pagefind-node.ts';
import { distDir } from '../support/paths.ts';

let search: (query: string, filters?: Record<string, string>) => Promise<SearchHit[]>;

beforeAll(async () => {
  search = await openPagefind(distDir);
});

// What an engineer types, through the same searchSite() the search page runs.
describe.each([
  ['i40e_napi_poll', 'i40e-out-of-tree-rx-page-leak'],
  ['__xsk_rcv_zc', 'afxdp-veth-napi-rx-ring-race'],
  ['xsk_rcv', 'afxdp-veth-napi-rx-ring-race'],
  ['xen_mc_flush+0x177/0x190', 'xen-pvmmu-pgd-pin-bad-type'],
  ['check_heap_object', 'i40e-out-of-tree-rx-page-leak'],
  ['xen_pgd_pin', 'xen-pvmmu-pgd-pin-bad-type'],
  // A leading part of a name reaches it through the index's prefix match.
  ['xen_pgd', 'xen-pvmmu-pgd-pin-bad-type'],
  ['check_heap', 'i40e-out-of-tree-rx-page-leak'],
])('searching %s', (query, slug) => {
  it(`ranks the case ${slug} first`, async () => {
    const hits = await search(query);
    expect(hits[0]?.page).toBe(`/cases/${slug}/`);
  });
});

describe('search filters', () => {
  it('narrows results by kind and by case facet', async () => {
    const tools = await search('kasan', { kind: 'tool' });
    expect(tools.length).toBeGreaterThan(0);
    expect(tools.every((hit) => hit.kind === 'tool')).toBe(true);

    const open = await search('xen', { kind: 'case', status: 'open' });
    expect(open.map((hit) => hit.page)).toEqual(['/cases/xen-pvmmu-pgd-pin-bad-type/']);

    const outOfTree = await search('page', { driver: 'i40e' });
    expect(outOfTree.map((hit) => hit.page)).toEqual(['/cases/i40e-out-of-tree-rx-page-leak/']);
  });
});

describe('symbol index results', () => {
  it('link a case found through its stacks to the trace that holds the symbol', async () => {
    const [first] = await search('i40e_napi_poll');
    expect(first?.url).toMatch(/^\/cases\/i40e-out-of-tree-rx-page-leak\/#stack-\d+$/);
  });

  it('list a case found both through its stacks and through its text once', async () => {
    const hits = await search('xen_mc_flush');
    const pages = hits.map((hit) => hit.page);
    expect(new Set(pages).size).toBe(pages.length);
  });
});

describe('title index results', () => {
  it('put the page titled with the words first, before the pages that only mention them', async () => {
    const hits = await search('bad page state');
    expect(hits[0]?.page).toBe('/symptoms/bad-page-state/');
    const titled = hits.findIndex((hit) => !/bad page state/i.test(hit.title));
    const mentionsOnly = titled === -1 ? hits.length : titled;
    expect(hits.slice(0, mentionsOnly).every((hit) => /bad page state/i.test(hit.title))).toBe(true);
    expect(hits.length).toBeGreaterThan(mentionsOnly);
  });

  it('match an unfinished last word, and keep facet filters', async () => {
    const hits = await search('soft lock');
    expect(hits[0]?.page).toBe('/symptoms/soft-lockup/');
    const cases = await search('bad page state', { kind: 'case' });
    expect(cases.length).toBeGreaterThan(0);
    expect(cases.every((hit) => hit.kind === 'case')).toBe(true);
  });
});
