import type { APIRoute } from 'astro';
import { loadSite } from '../data/site.ts';
import { buildTriageIndex } from '../lib/triage/build-triage-index.ts';

/** The static index the triage page matches pasted logs against. */
export const GET: APIRoute = async () =>
  new Response(JSON.stringify(buildTriageIndex(await loadSite())), { headers: { 'content-type': 'application/json' } });
