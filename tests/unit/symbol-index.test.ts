import { describe, expect, it } from 'vitest';
import { checkContent } from '../../src/lib/content/check-content.ts';
import { readSourceFiles } from '../../src/lib/content/read-content.ts';
import { lookupSymbols } from '../../src/lib/search/lookup-symbols.ts';
import { buildSymbolIndex, symbolShardKey, type SymbolIndexShard } from '../../src/lib/search/symbol-index.ts';
import { buildSiteGraph, type Entry } from '../../src/lib/site/build-site-graph.ts';
import type { CaseData } from '../../src/schemas/case.ts';
import { projectDir } from '../support/paths.ts';

// The seed cases: real traces from the five public write-ups.
const { entries } = checkContent(readSourceFiles(`${projectDir}/content`), []);
const cases = entries.filter((entry) => entry.kind === 'cases').map((entry) => ({ id: entry.id, data: entry.data as CaseData })) as Entry<CaseData>[];
const site = buildSiteGraph({ cases, symptoms: [], tools: [], checklists: [] });
const shards = buildSymbolIndex(site);
const load = async (key: string): Promise<SymbolIndexShard | undefined> => shards.get(key);
const firstCase = async (query: string[], filters: Record<string, string> = {}) => (await lookupSymbols(query, load, filters)).cases[0]?.case;

describe('symbol index shards', () => {
  it('files a symbol under the first two letters of its name without leading underscores', () => {
    expect(symbolShardKey('__xsk_rcv_zc')).toBe('xs');
    expect(symbolShardKey('I40E_napi_poll')).toBe('i4');
    expect(symbolShardKey('x')).toBe('x');
  });

  it('holds every symbol of the site graph exactly once', () => {
    const indexed = [...shards.values()].flatMap((shard) => Object.keys(shard.symbols));
    expect(indexed.sort()).toEqual([...site.symbols.keys()].sort());
  });

  it('lists a case once per symbol, at the frame nearest the crash, with the case title', () => {
    const entry = shards.get('i4')?.symbols.i40e_napi_poll;
    expect(entry?.total).toBe(entry?.hits.length);
    const ids = entry?.hits.map((hit) => hit.case) ?? [];
    expect(new Set(ids).size).toBe(ids.length);
    const hit = entry?.hits.find((item) => item.case === 'i40e-out-of-tree-rx-page-leak');
    expect(hit?.frame).toMatch(/^i40e_napi_poll\+0x[0-9a-f]+(?:\/0x[0-9a-f]+)? \[i40e\]$/);
    expect(hit?.depth).toBeGreaterThanOrEqual(0);
    expect(shards.get('i4')?.cases['i40e-out-of-tree-rx-page-leak']?.facets).toContain('driver:i40e');
  });

  it('keeps at most the cap of cases per symbol but counts them all', () => {
    const capped = buildSymbolIndex(site, 1);
    for (const [key, shard] of capped) {
      for (const [symbol, entry] of Object.entries(shard.symbols)) {
        expect(entry.hits.length, symbol).toBeLessThanOrEqual(1);
        expect(entry.total, symbol).toBe(shards.get(key)?.symbols[symbol]?.total);
      }
    }
  });
});

describe('symbol lookup', () => {
  it.each([
    [['i40e_napi_poll'], 'i40e-out-of-tree-rx-page-leak'],
    [['__xsk_rcv_zc'], 'afxdp-veth-napi-rx-ring-race'],
    [['xen_mc_flush'], 'xen-pvmmu-pgd-pin-bad-type'],
    // Without the leading underscores, and a leading part of a name.
    [['check_heap_object'], 'i40e-out-of-tree-rx-page-leak'],
    [['xsk_rcv'], 'afxdp-veth-napi-rx-ring-race'],
  ])('puts the case first for %s', async (query, slug) => {
    expect(await firstCase(query)).toBe(slug);
  });

  it('ranks the case that answers more of the pasted frames first', async () => {
    const result = await lookupSymbols(['xen_mc_flush', 'xen_pgd_pin', 'i40e_napi_poll'], load);
    expect(result.cases[0]?.case).toBe('xen-pvmmu-pgd-pin-bad-type');
    expect(result.cases[0]?.words).toBe(2);
  });

  it('says which symbol a prefix matched', async () => {
    const { matches } = await lookupSymbols(['xsk_rcv_z'], load);
    expect(matches.map((match) => [match.symbol, match.exact])).toContainEqual(['__xsk_rcv_zc', false]);
  });

  it('applies facet filters, and a page kind other than case leaves nothing', async () => {
    expect(await firstCase(['i40e_napi_poll'], { driver: 'i40e' })).toBe('i40e-out-of-tree-rx-page-leak');
    expect(await firstCase(['i40e_napi_poll'], { status: 'no-such-status' })).toBeUndefined();
    expect((await lookupSymbols(['i40e_napi_poll'], load, { kind: 'tool' })).cases).toEqual([]);
  });

  it('finds nothing for words that are not symbols of any stack, or a missing shard', async () => {
    expect((await lookupSymbols(['kasan'], load)).cases).toEqual([]);
    expect((await lookupSymbols(['zz_no_such_symbol'], async () => undefined)).cases).toEqual([]);
  });
});

describe('symbol search results', () => {
  it('looks up the recognised symbols, or a lone identifier-like word', async () => {
    const { symbolWords } = await import('../../src/lib/search/symbol-results.ts');
    expect(symbolWords('xen_mc_flush', ['xen_mc_flush'])).toEqual(['xen_mc_flush']);
    expect(symbolWords('kfree', [])).toEqual(['kfree']);
    expect(symbolWords('bad page state', [])).toEqual([]);
  });

  it('links each case to the trace, with the frame as printed and the symbol marked', async () => {
    const { symbolSearchResults, pageOf } = await import('../../src/lib/search/symbol-results.ts');
    const { results: [first], total } = await symbolSearchResults(['i40e_napi_poll'], load, {}, '/base');
    expect(total).toBe(shards.get('i4')?.symbols.i40e_napi_poll?.total);
    const data = await first?.data();
    expect(data?.url).toMatch(/^\/base\/cases\/i40e-out-of-tree-rx-page-leak\/#stack-\d+$/);
    expect(pageOf(data?.url ?? '')).toBe('/base/cases/i40e-out-of-tree-rx-page-leak/');
    expect(data?.excerpt).toMatch(/^<mark>i40e_napi_poll<\/mark>\+0x[0-9a-f]+.* \[i40e\], frame \d+ of trace \d+$/);
    expect(data?.meta).toEqual({ kind: 'case', title: expect.stringContaining('i40e') });
  });
});

describe('whole-name words', () => {
  it('takes a word without an underscore as a whole name only', async () => {
    const { matches } = await lookupSymbols(['xen'], load);
    expect(matches).toEqual([]);
  });
});
