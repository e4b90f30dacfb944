import type { APIRoute } from 'astro';
import { loadSite } from '../data/site.ts';
import { buildTriageIndex } from '../lib/triage/build-triage-index.ts';
import { encodeTriageIndex } from '../lib/triage/triage-index-file.ts';

/** The static index the triage page matches pasted logs against. */
export const GET: APIRoute = async () =>
  new Response(JSON.stringify(encodeTriageIndex(buildTriageIndex(await loadSite()))), { headers: { 'content-type': 'application/json' } });
