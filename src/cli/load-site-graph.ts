import { collectChecklists } from '../lib/checklists/collect-checklists.ts';
import type { ExportedChecklist } from '../lib/checklists/exported-checklist.ts';
import { formatProblem } from '../lib/content/problem.ts';
import { readAndCheckContent } from '../lib/content/read-content.ts';
import { buildSiteGraph, type Entry, type SiteGraph } from '../lib/site/build-site-graph.ts';
import type { CaseData } from '../schemas/case.ts';
import type { ChecklistData } from '../schemas/checklist.ts';
import type { SymptomData } from '../schemas/symptom.ts';
import type { ToolData } from '../schemas/tool.ts';

/** Reads and checks the content folder and builds the same link graph and checklists the site is built from. */
export function loadSiteContent(): { graph: SiteGraph; checklists: ExportedChecklist[] } {
  const { entries, problems } = readAndCheckContent();
  if (problems.length > 0) {
    throw new Error(`the content has ${problems.length} problem(s); run \`oopsbook check\`:\n${problems.slice(0, 5).map(formatProblem).join('\n')}`);
  }
  const of = <D>(kind: string) => entries.filter((entry) => entry.kind === kind).map((entry) => ({ id: entry.id, data: entry.data as D, body: entry.body }));
  const graph = buildSiteGraph({
    cases: of<CaseData>('cases') as Entry<CaseData>[],
    symptoms: of<SymptomData>('symptoms'),
    tools: of<ToolData>('tools'),
    checklists: of<ChecklistData>('checklists'),
  });
  const checklists = collectChecklists({ checklists: of<ChecklistData>('checklists'), symptoms: graph.symptoms, tools: graph.tools });
  return { graph, checklists };
}

/** Reads and checks the content folder and builds the same link graph the site is built from. */
export function loadSiteGraph(): SiteGraph {
  return loadSiteContent().graph;
}
