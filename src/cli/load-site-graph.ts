import { collectChecklists } from '../lib/checklists/collect-checklists.ts';
import type { ExportedChecklist } from '../lib/checklists/exported-checklist.ts';
import { isUnwrittenProblem } from '../lib/content/author-marker.ts';
import { formatProblem } from '../lib/content/problem.ts';
import { readAndCheckContent } from '../lib/content/read-content.ts';
import { buildSiteGraph, type Entry, type SiteGraph } from '../lib/site/build-site-graph.ts';
import type { CaseData } from '../schemas/case.ts';
import type { ChecklistData } from '../schemas/checklist.ts';
import type { SymptomData } from '../schemas/symptom.ts';
import type { ToolData } from '../schemas/tool.ts';
import { CliError } from './cli-error.ts';

/**
 * Reads and checks the content folder and builds the same link graph and checklists the site is
 * built from. Cases scaffolded by `oopsbook new` whose only problems are fields still to be
 * written are left out with a note; any other problem stops the command.
 */
export function loadSiteContent(note: (line: string) => void = () => {}): { graph: SiteGraph; checklists: ExportedChecklist[] } {
  const { entries, problems } = readAndCheckContent();
  const blocking = problems.filter((problem) => !isUnwrittenProblem(problem));
  if (blocking.length > 0) {
    const shown = blocking.slice(0, 5).map(formatProblem).join('\n');
    throw new CliError(`the content has ${blocking.length} problem(s); \`oopsbook check\` lists them all:\n${shown}`);
  }
  const unfinished = [...new Set(problems.map((problem) => problem.file))];
  if (unfinished.length > 0) note(`note: left out, still being written: ${unfinished.join(', ')}`);
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

/** The link graph alone; see `loadSiteContent`. */
export function loadSiteGraph(note?: (line: string) => void): SiteGraph {
  return loadSiteContent(note).graph;
}
