/** The `window` property under which the prefetch leaves its requests, by URL. */
export const SHARD_PREFETCH_PROPERTY = '__oopsbookShardPrefetch';

/** What shardPrefetchUrls needs to know of the indexes. */
export interface ShardPrefetchSettings {
  base: string;
  symbolFolder: string;
  titleFolder: string;
  maxTitleWords: number;
  stopWords: readonly string[];
}

/**
 * The shard URLs a raw query will most likely read, worked out from the query alone, without the
 * search script: the title shard of each word (as titleWords splits and filters them, up to
 * `maxTitleWords` words), and the symbol shard of each frame (`name+0x…`) or of a query that is one
 * identifier (as prepareSearchQuery and symbolWords read them). It runs as an inline script, so it
 * refers to nothing outside itself. A shard it misses is fetched when the search asks for it, and
 * one it fetches in vain costs a request: it decides which requests start early, not what is found.
 */
export function shardPrefetchUrls(raw: string, settings: ShardPrefetchSettings): string[] {
  const keyOf = (word: string) => {
    const bare = word.replace(/^_+/, '').toLowerCase();
    return (bare === '' ? '_' : bare.slice(0, 2)).replace(/[^a-z0-9_]/g, '_');
  };
  // A frame becomes its function's name and a raw address goes, as prepareSearchQuery does.
  const frames: string[] = [];
  const text = raw
    .replace(/([A-Za-z_][A-Za-z0-9_]*)(?:\.[A-Za-z0-9_]+)*\+0x[0-9a-f]+(?:\/0x[0-9a-f]+)?(?:\s+\[[A-Za-z0-9_]+(?:\([A-Z]+\))?\])?/gi, (_match, name: string) => {
      frames.push(name);
      return ` ${name} `;
    })
    .replace(/\[<?[0-9a-f]{8,16}>?\]|\b0x[0-9a-f]{8,16}\b|\[\]/gi, ' ')
    .trim();
  const symbols = frames.length > 0 ? frames : /^[A-Za-z_][A-Za-z0-9_.]{2,}$/.test(text) ? [text] : [];
  const words = text
    .toLowerCase()
    .split(/[^a-z0-9_]+/)
    .filter((word) => word.length >= 2 && !settings.stopWords.includes(word) && !/^[0-9]+$/.test(word));
  const urls = new Set<string>();
  for (const symbol of symbols) urls.add(`${settings.base}/${settings.symbolFolder}/${keyOf(symbol)}.json`);
  if (words.length <= settings.maxTitleWords) for (const word of words) urls.add(`${settings.base}/${settings.titleFolder}/${keyOf(word)}.json`);
  return [...urls];
}

/**
 * Fetches the shards the page's `?q=` query will most likely read (see shardPrefetchUrls) and
 * leaves each request under `window[property][url]` for the search script to take.
 */
export function prefetchShards(settings: ShardPrefetchSettings, property: string, urlsOf: typeof shardPrefetchUrls): void {
  const raw = new URLSearchParams(location.search).get('q') ?? '';
  const requests: Record<string, Promise<Response>> = {};
  for (const url of urlsOf(raw, settings)) requests[url] = fetch(url);
  (window as unknown as Record<string, unknown>)[property] = requests;
}

/**
 * A fetch for the search page's shard loaders that takes a prefetched request when there is one
 * (each at most once) and goes to the network otherwise.
 */
export function prefetchedFetch(host: { fetch: typeof fetch } & Record<string, unknown>): typeof fetch {
  const requests = (host[SHARD_PREFETCH_PROPERTY] ?? {}) as Record<string, Promise<Response> | undefined>;
  return (input, init) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    const request = requests[url];
    if (request === undefined) return host.fetch(input, init);
    delete requests[url];
    return request;
  };
}
