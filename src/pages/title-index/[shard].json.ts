import type { APIRoute, GetStaticPaths } from 'astro';
import { loadDiagrams } from '../../data/diagrams.ts';
import { loadChecklists, loadSite } from '../../data/site.ts';
import { buildTitleIndex, type TitleIndexShard } from '../../lib/search/title-index.ts';
import { titledPages } from '../../lib/search/titled-pages.ts';

let shards: Promise<Map<string, TitleIndexShard>> | undefined;
const loadShards = () => (shards ??= (async () => buildTitleIndex(titledPages(await loadSite(), await loadChecklists(), await loadDiagrams())))());

/** One shard of the title index the search page fetches for the words of a query. */
export const getStaticPaths = (async () => [...(await loadShards()).keys()].map((shard) => ({ params: { shard } }))) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params }) => {
  const shard = (await loadShards()).get(String(params.shard));
  if (!shard) return new Response(null, { status: 404 });
  return new Response(JSON.stringify(shard), { headers: { 'content-type': 'application/json' } });
};
