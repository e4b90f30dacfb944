import type { APIRoute } from 'astro';
import { checklistJsonSchema } from '../../lib/checklists/checklist-json-schema.ts';
import { CHECKLIST_SCHEMA_PATH } from '../../lib/checklists/checklist-urls.ts';
import { absoluteUrl } from '../../lib/site/site-url.ts';

/** The JSON Schema of every /checklists/<id>.json. */
export const GET: APIRoute = () =>
  new Response(`${JSON.stringify(checklistJsonSchema(absoluteUrl(CHECKLIST_SCHEMA_PATH)), null, 2)}\n`, { headers: { 'content-type': 'application/schema+json' } });
