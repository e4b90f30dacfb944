import { beforeAll, describe, expect, it } from 'vitest';
import { prepareSearchQuery } from '../../src/lib/search/prepare-query.ts';
import { openPagefind, type SearchHit } from '../support/pagefind-node.ts';
import { distDir } from '../support/paths.ts';

let search: (query: string) => Promise<SearchHit[]>;

beforeAll(async () => {
  search = await openPagefind(distDir);
});

// What an engineer types, run through the same query preparation as the search page.
describe.each([
  ['i40e_napi_poll', 'i40e-out-of-tree-rx-page-leak'],
  ['__xsk_rcv_zc', 'afxdp-veth-napi-rx-ring-race'],
  ['xsk_rcv', 'afxdp-veth-napi-rx-ring-race'],
  ['xen_mc_flush+0x177/0x190', 'xen-pvmmu-pgd-pin-bad-type'],
  ['check_heap_object', 'i40e-out-of-tree-rx-page-leak'],
  ['xen_pgd_pin', 'xen-pvmmu-pgd-pin-bad-type'],
])('searching %s', (query, slug) => {
  it(`ranks the case ${slug} first`, async () => {
    const hits = await search(prepareSearchQuery(query).text);
    expect(hits[0]?.url).toBe(`/cases/${slug}/`);
  });
});

describe('search filters', () => {
  it('indexes the case facets as filters', async () => {
    const hits = await search('i40e');
    expect(hits.some((hit) => hit.kind === 'case')).toBe(true);
  });
});
