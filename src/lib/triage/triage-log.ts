import { findSymbolMentions } from '../oops/frames.ts';
import { toLogLines } from '../oops/log-lines.ts';
import { parseOops } from '../oops/parse-oops.ts';
import type { OopsReport } from '../oops/report-types.ts';
import { detectSymptoms, type DetectedSymptom } from './detect-symptoms.ts';
import { rankCasesByStack, type CaseMatch } from './rank-cases.ts';
import type { TriageIndex } from './triage-index.ts';

/** What to run next, gathered from the symptoms found, each with the symptoms that want it. */
export interface NextTool {
  id: string;
  title: string;
  why: string;
  when: string;
  symptoms: string[];
}

export interface TriageResult {
  reports: OopsReport[];
  symptoms: DetectedSymptom[];
  matches: CaseMatch[];
  tools: NextTool[];
  checklists: Array<{ id: string; title: string }>;
}

/** At most this many functions named outside reports take part in matching. */
const MAX_MENTIONS = 200;

/** Parses a pasted log and answers with the cases, symptoms, tools and checklists that apply. */
export function triageLog(text: string, index: TriageIndex): TriageResult {
  const reports = parseOops(text);
  const lines = toLogLines(text).map((line) => line.text);
  const symptoms = detectSymptoms(lines, index);
  const mentions = findSymbolMentions(text).slice(0, MAX_MENTIONS);
  const matches = rankCasesByStack(reports, symptoms, index, mentions);

  const tools = new Map<string, NextTool>();
  const checklists = new Map<string, string>();
  for (const detected of symptoms) {
    const symptom = index.symptoms.find((item) => item.id === detected.id);
    if (!symptom) continue;
    for (const recommendation of symptom.tools) {
      const existing = tools.get(recommendation.tool);
      if (existing) existing.symptoms.push(symptom.title);
      else tools.set(recommendation.tool, { id: recommendation.tool, title: index.tools[recommendation.tool] ?? recommendation.tool, why: recommendation.why, when: recommendation.when, symptoms: [symptom.title] });
    }
    for (const checklist of symptom.checklists) checklists.set(checklist, index.checklists[checklist] ?? checklist);
  }
  // Tools wanted by more of the symptoms seen come first; ties keep the symptoms' own order.
  const orderedTools = [...tools.values()].map((tool, order) => ({ tool, order })).sort((a, b) => b.tool.symptoms.length - a.tool.symptoms.length || a.order - b.order).map(({ tool }) => tool);
  return { reports, symptoms, matches, tools: orderedTools, checklists: [...checklists].map(([id, title]) => ({ id, title })) };
}
