import type { APIRoute, GetStaticPaths } from 'astro';
import { loadSite } from '../../data/site.ts';
import { buildSymbolIndex, type SymbolIndexShard } from '../../lib/search/symbol-index.ts';

let shards: Promise<Map<string, SymbolIndexShard>> | undefined;
const loadShards = () => (shards ??= loadSite().then(buildSymbolIndex));

/** One shard of the stack-symbol index the search page fetches for a symbol query. */
export const getStaticPaths = (async () => [...(await loadShards()).keys()].map((shard) => ({ params: { shard } }))) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params }) => {
  const shard = (await loadShards()).get(String(params.shard));
  if (!shard) return new Response(null, { status: 404 });
  return new Response(JSON.stringify(shard), { headers: { 'content-type': 'application/json' } });
};
