import type { APIRoute, GetStaticPaths } from 'astro';
import { loadChecklists } from '../../data/site.ts';
import { checklistExports } from '../../lib/checklists/checklist-exports.ts';
import type { ExportedChecklist } from '../../lib/checklists/exported-checklist.ts';

export const getStaticPaths = (async () => (await loadChecklists()).map((checklist) => ({ params: { id: checklist.id }, props: { checklist } }))) satisfies GetStaticPaths;

/** The checklist as GitHub task-list Markdown. */
export const GET: APIRoute<{ checklist: ExportedChecklist }> = ({ props }) =>
  new Response(checklistExports(props.checklist).markdown, { headers: { 'content-type': 'text/markdown; charset=utf-8' } });
