import type { APIRoute, GetStaticPaths } from 'astro';
import { loadChecklists } from '../../data/site.ts';
import { checklistExports } from '../../lib/checklists/checklist-exports.ts';
import type { ExportedChecklist } from '../../lib/checklists/exported-checklist.ts';

export const getStaticPaths = (async () => (await loadChecklists()).map((checklist) => ({ params: { id: checklist.id }, props: { checklist } }))) satisfies GetStaticPaths;

/** The checklist as JSON, described by /checklists/checklist.schema.json. */
export const GET: APIRoute<{ checklist: ExportedChecklist }> = ({ props }) =>
  new Response(`${JSON.stringify(checklistExports(props.checklist).json, null, 2)}\n`, { headers: { 'content-type': 'application/json' } });
