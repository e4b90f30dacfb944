import { createHash } from 'node:crypto';
import { MAX_TITLE_QUERY_WORDS, TITLE_INDEX_FOLDER } from './lookup-titles.ts';
import { prefetchShards, SHARD_PREFETCH_PROPERTY, shardPrefetchUrls, type ShardPrefetchSettings } from './shard-prefetch.ts';
import { SYMBOL_INDEX_FOLDER } from './symbol-results.ts';
import { TITLE_STOP_WORDS } from './title-index.ts';

/**
 * The search page's inline `<head>` script that starts its shard requests while the HTML is still
 * being read, instead of once the search script has loaded and run (100 ms and more later on a
 * cold load), and its hash for the page's Content-Security-Policy.
 */
export function shardPrefetchScript(base: string): { source: string; hash: `sha256-${string}` } {
  const settings: ShardPrefetchSettings = { base, symbolFolder: SYMBOL_INDEX_FOLDER, titleFolder: TITLE_INDEX_FOLDER, maxTitleWords: MAX_TITLE_QUERY_WORDS, stopWords: [...TITLE_STOP_WORDS] };
  const source = `(${prefetchShards.toString()})(${JSON.stringify(settings)}, ${JSON.stringify(SHARD_PREFETCH_PROPERTY)}, ${shardPrefetchUrls.toString()});`;
  return { source, hash: `sha256-${createHash('sha256').update(source).digest('base64')}` };
}
