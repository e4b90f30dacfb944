import { findSymbolMentions } from '../oops/frames.ts';
import { toLogLines } from '../oops/log-lines.ts';
import { parseOops } from '../oops/parse-oops.ts';
import type { OopsReport } from '../oops/report-types.ts';
import { detectSymptoms, type DetectedSymptom } from './detect-symptoms.ts';
import { matchSignatures } from './match-signatures.ts';
import { rankCasesByStack, type CaseMatch } from './rank-cases.ts';
import type { TriageIndex } from './triage-index.ts';

/** What to run next, gathered from the symptoms found, each with the symptoms that want it. */
export interface NextTool {
  id: string;
  title: string;
  why: string;
  when: string;
  symptoms: string[];
  /** Set when no symptom seen in the log wants it, only a symptom of a matching case. */
  fromCase?: string;
}

/** The answer in brief: what was found, and whether any known case matches. */
export interface TriageSummary {
  /** Whether the paste holds a kernel crash report; without one, only its other lines were matched. */
  kernelReport: boolean;
  /** `match`: a case shares something specific; `related`: cases share only common evidence; `none`: no case. */
  outcome: 'match' | 'related' | 'none';
  /** The crash classes of the reports, or with none the symptoms seen: what the tools and checklists serve. */
  classes: string[];
  /** The same in a sentence. */
  text: string;
}

export interface TriageResult {
  summary: TriageSummary;
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
  const logLines = toLogLines(text);
  const lines = logLines.map((line) => line.text);
  // Line numbers of the input, as reports give them (a line two printk calls ran together is two log lines).
  const inputLine = (position: number) => (logLines[position - 1]?.index ?? position - 1) + 1;
  const symptoms = detectSymptoms(lines, index).map((symptom) => ({ ...symptom, lineNumber: inputLine(symptom.lineNumber) }));
  const hits = matchSignatures(lines, index).map((hit) => ({ ...hit, lineNumber: inputLine(hit.lineNumber) }));
  const mentions = findSymbolMentions(text).slice(0, MAX_MENTIONS);
  const matches = rankCasesByStack(reports, symptoms, index, mentions, undefined, hits);

  const tools = new Map<string, NextTool>();
  const checklists = new Map<string, string>();
  const recommend = (symptomId: string, fromCase?: string) => {
    const symptom = index.symptoms.find((item) => item.id === symptomId);
    if (!symptom) return;
    for (const recommendation of symptom.tools) {
      const existing = tools.get(recommendation.tool);
      if (existing) existing.symptoms.push(symptom.title);
      else tools.set(recommendation.tool, { id: recommendation.tool, title: index.tools[recommendation.tool] ?? recommendation.tool, why: recommendation.why, when: recommendation.when, symptoms: [symptom.title], ...(fromCase ? { fromCase } : {}) });
    }
    for (const checklist of symptom.checklists) checklists.set(checklist, index.checklists[checklist] ?? checklist);
  };
  for (const detected of symptoms) recommend(detected.id);
  // Tools wanted by more of the symptoms seen come first; ties keep the symptoms' own order.
  const byDemand = (list: NextTool[]) => list.map((tool, order) => ({ tool, order })).sort((a, b) => b.tool.symptoms.length - a.tool.symptoms.length || a.order - b.order).map(({ tool }) => tool);
  const orderedTools = byDemand([...tools.values()]);
  // A case matched on its own lines or frames, with no symptom signature in the log (an ftrace
  // excerpt, an application's messages), still says what to run: its symptoms' tools, after the rest.
  const seen = new Set(symptoms.map((symptom) => symptom.id));
  const before = tools.size;
  for (const match of matches) {
    if (match.strength !== 'match') continue;
    const entry = index.cases.find((item) => item.id === match.case);
    for (const position of entry?.symptoms ?? []) {
      const id = index.symptoms[position]?.id;
      if (id && !seen.has(id)) recommend(id, match.case);
    }
  }
  orderedTools.push(...byDemand([...tools.values()].slice(before)));
  return { summary: summarize(reports, symptoms, matches), reports, symptoms, matches, tools: orderedTools, checklists: [...checklists].map(([id, title]) => ({ id, title })) };
}

const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`;

/** Says plainly what was found and what was matched: "no known case" is an answer, not an absence. */
function summarize(reports: readonly OopsReport[], symptoms: readonly DetectedSymptom[], matches: readonly CaseMatch[]): TriageSummary {
  const kernelReport = reports.length > 0;
  const outcome = matches.some((match) => match.strength === 'match') ? 'match' : matches.length > 0 ? 'related' : 'none';
  const classes = kernelReport ? [...new Set(reports.map((report) => report.crashClass))] : symptoms.map((symptom) => symptom.title);
  const listed = `${classes.slice(0, 4).join(', ')}${classes.length > 4 ? ', …' : ''}`;
  const found = kernelReport
    ? `${plural(reports.length, 'kernel crash report')} (${listed}).`
    : symptoms.length > 0
      ? `No kernel crash report; matched the log's other lines instead: ${plural(symptoms.length, 'symptom line')} (${listed}).`
      : matches.length > 0
        ? "No kernel crash report; matched the log's other lines instead: functions and lines the cases quote."
        : 'No kernel crash report, and no symptom signature or case line in the log.';
  const strong = matches.filter((match) => match.strength === 'match').length;
  const forClass = symptoms.length > 0 ? ' The tools and checklists below are for this crash class.' : '';
  const answer =
    outcome === 'match'
      ? `${plural(strong, 'known case')} match${strong === 1 ? 'es' : ''} on specific evidence.`
      : outcome === 'related'
        ? `No known case matches: ${plural(matches.length, 'case')} share${matches.length === 1 ? 's' : ''} only evidence that many unrelated crashes show.${forClass}`
        : `No known case matches.${forClass}`;
  return { kernelReport, outcome, classes, text: `${found} ${answer}` };
}
