import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { fetchShards } from '../../src/lib/search/fetch-shards.ts';
import { resultsInOrder, type SearchIndexes } from '../../src/lib/search/search-site.ts';
import type { SymbolIndexShard } from '../../src/lib/search/symbol-index.ts';
import { prepareSearchQuery } from '../../src/lib/search/prepare-query.ts';
import { prefetchedFetch, SHARD_PREFETCH_PROPERTY, shardPrefetchUrls } from '../../src/lib/search/shard-prefetch.ts';
import { shardPrefetchScript } from '../../src/lib/search/shard-prefetch-script.ts';
import { MAX_TITLE_QUERY_WORDS, TITLE_INDEX_FOLDER } from '../../src/lib/search/lookup-titles.ts';
import { SYMBOL_INDEX_FOLDER } from '../../src/lib/search/symbol-results.ts';
import { TITLE_STOP_WORDS, type TitleIndexShard } from '../../src/lib/search/title-index.ts';

const settings = { base: '/docs', symbolFolder: SYMBOL_INDEX_FOLDER, titleFolder: TITLE_INDEX_FOLDER, maxTitleWords: MAX_TITLE_QUERY_WORDS, stopWords: [...TITLE_STOP_WORDS] };

/** The shard URLs a search for `raw` asks for, every index empty so that each lookup runs. */
async function shardsRead(raw: string): Promise<string[]> {
  const requested: string[] = [];
  const record: typeof fetch = async (input) => {
    requested.push(String(input));
    return new Response('not found', { status: 404 });
  };
  const { text, symbols } = prepareSearchQuery(raw);
  const indexes: SearchIndexes = {
    pagefind: async () => ({ options: async () => undefined, search: async () => ({ results: [] }) }),
    symbols: fetchShards<SymbolIndexShard>(settings.base, SYMBOL_INDEX_FOLDER, record),
    titles: fetchShards<TitleIndexShard>(settings.base, TITLE_INDEX_FOLDER, record),
  };
  for await (const _batch of resultsInOrder(indexes, text, symbols)) void _batch;
  return requested.sort();
}

const queries = [
  'i40e_napi_poll',
  'kfree',
  'soft lockup',
  'soft lock',
  'hosts were drained',
  'the list of a corruption',
  'xen_mc_flush+0x177/0x190 [xen]',
  '? __xsk_rcv_zc+0x4a/0x60\n i40e_clean_rx_irq_zc+0x1f/0x80 [i40e]',
  'RIP: 0010:refcount_warn_saturate+0xba/0x110',
  'kasan_report.cold+0x12/0x30',
  '[<ffffffff81234567>] schedule',
  'Bad page state in process swapper/0',
  'one two three four five six seven',
  '5.15.0-91-generic',
];

describe('the search page\'s shard prefetch', () => {
  it.each(queries)('requests early exactly the shards a search for %j reads', async (raw) => {
    expect(shardPrefetchUrls(raw, settings).sort()).toEqual(await shardsRead(raw));
  });

  it('runs as an inline script that refers to nothing outside itself and leaves its requests on window', () => {
    const fetched: string[] = [];
    const window: Record<string, unknown> = {};
    const page = { window, location: { search: '?q=soft+lockup' }, URLSearchParams, fetch: (url: string) => (fetched.push(url), Promise.resolve(new Response('{}'))) };
    runInNewContext(shardPrefetchScript('/docs').source, page);
    expect(fetched).toEqual(['/docs/title-index/so.json', '/docs/title-index/lo.json']);
    expect(Object.keys(window[SHARD_PREFETCH_PROPERTY] as object)).toEqual(fetched);
  });

  it('requests nothing without a query', () => {
    const fetched: string[] = [];
    runInNewContext(shardPrefetchScript('').source, { window: {}, location: { search: '' }, URLSearchParams, fetch: (url: string) => fetched.push(url) });
    expect(fetched).toEqual([]);
  });

  it('hands each prefetched request over once, then goes to the network', async () => {
    const network: string[] = [];
    const early = Promise.resolve(new Response('early'));
    const shardFetch = prefetchedFetch({
      fetch: async (input) => (network.push(String(input)), new Response('network')),
      [SHARD_PREFETCH_PROPERTY]: { '/title-index/so.json': early },
    });
    expect(await (await shardFetch('/title-index/so.json')).text()).toBe('early');
    expect(await (await shardFetch('/title-index/so.json')).text()).toBe('network');
    expect(await (await shardFetch('/symbol-index/so.json')).text()).toBe('network');
    expect(network).toEqual(['/title-index/so.json', '/symbol-index/so.json']);
  });
});
