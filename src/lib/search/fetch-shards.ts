/** Loads one shard of an index by its key; undefined when there is none. */
export type ShardLoader<Shard> = (key: string) => Promise<Shard | undefined>;

/** Fetches shards from `<base>/<folder>/<key>.json`, each at most once per page. */
export function fetchShards<Shard>(base: string, folder: string, fetchShard: typeof fetch = fetch): ShardLoader<Shard> {
  const shards = new Map<string, Promise<Shard | undefined>>();
  return (key) => {
    let shard = shards.get(key);
    if (!shard) {
      shard = fetchShard(`${base}/${folder}/${key}.json`).then((response) => (response.ok ? (response.json() as Promise<Shard>) : undefined));
      shards.set(key, shard);
    }
    return shard;
  };
}
