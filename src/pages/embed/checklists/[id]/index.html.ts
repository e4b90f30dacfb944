import type { APIRoute, GetStaticPaths } from 'astro';
import { loadChecklists } from '../../../../data/site.ts';
import { checklistExports } from '../../../../lib/checklists/checklist-exports.ts';
import type { ExportedChecklist } from '../../../../lib/checklists/exported-checklist.ts';

export const getStaticPaths = (async () => (await loadChecklists()).map((checklist) => ({ params: { id: checklist.id }, props: { checklist } }))) satisfies GetStaticPaths;

/** The self-contained page runbooks frame: no chrome, no script, no external request. */
export const GET: APIRoute<{ checklist: ExportedChecklist }> = ({ props }) =>
  new Response(checklistExports(props.checklist).embedHtml, { headers: { 'content-type': 'text/html; charset=utf-8' } });
