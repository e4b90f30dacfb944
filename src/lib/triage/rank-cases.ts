import { makeFrameFilter } from '../oops/frame-filters.ts';
import type { OopsReport } from '../oops/report-types.ts';
import type { DetectedSymptom } from './detect-symptoms.ts';
import type { TriageIndex } from './triage-index.ts';

/** A case that resembles the pasted crash, and why. */
export interface CaseMatch {
  case: string;
  title: string;
  score: number;
  reasons: string[];
}

const isBoilerplate = makeFrameFilter(['reporting', 'entry', 'interrupts']);

/** Weights: the blamed frame says most, the top of the stack more than its bottom. */
const WEIGHT = { guilty: 3, top: 2, rest: 1, unreliable: 0.3, symptom: 1.5, module: 2, outOfTreeModule: 1.5, hypervisor: 0.5 } as const;
const TOP_FRAMES = 5;

interface Prepared {
  documentFrequency: Map<number, number>;
  symptomFrequency: Map<number, number>;
  symbolIds: Map<string, number>;
}

const prepared = new WeakMap<TriageIndex, Prepared>();

function prepare(index: TriageIndex): Prepared {
  let result = prepared.get(index);
  if (!result) {
    const documentFrequency = new Map<number, number>();
    const symptomFrequency = new Map<number, number>();
    for (const entry of index.cases) {
      for (const symbol of new Set(entry.symbols)) documentFrequency.set(symbol, (documentFrequency.get(symbol) ?? 0) + 1);
      for (const symptom of entry.symptoms) symptomFrequency.set(symptom, (symptomFrequency.get(symptom) ?? 0) + 1);
    }
    result = { documentFrequency, symptomFrequency, symbolIds: new Map(index.symbols.map((symbol, id) => [symbol, id])) };
    prepared.set(index, result);
  }
  return result;
}

/** Inverse document frequency: a symbol in every case says nothing, one in a single case says most. */
const idf = (cases: number, frequency: number) => Math.log(1 + cases / Math.max(1, frequency));

/** Functions named in the log outside any recognised report, e.g. in trace or probe output. */
function mentionQuery(mentions: readonly string[]): Map<string, { weight: number; label: string }> {
  return new Map(mentions.filter((symbol) => !isBoilerplate(symbol)).map((symbol) => [symbol, { weight: WEIGHT.rest, label: 'mentioned' }]));
}

/** The symbols a report offers for matching, each with the weight of where it sits in the report. */
function querySymbols(report: OopsReport): Map<string, { weight: number; label: string }> {
  const query = new Map<string, { weight: number; label: string }>();
  const add = (symbol: string, weight: number, label: string) => {
    const current = query.get(symbol);
    if (!current || current.weight < weight) query.set(symbol, { weight, label });
  };
  if (report.guiltyFrame) add(report.guiltyFrame, WEIGHT.guilty, 'guilty frame');
  let position = 0;
  for (const frame of report.frames) {
    if (isBoilerplate(frame.normalized)) continue;
    if (!frame.reliable) {
      add(frame.normalized, WEIGHT.unreliable, 'unreliable frame');
      continue;
    }
    add(frame.normalized, position < TOP_FRAMES ? WEIGHT.top : WEIGHT.rest, position < TOP_FRAMES ? 'top frame' : 'frame');
    position++;
  }
  return query;
}

/**
 * Ranks cases against parsed reports by IDF-weighted overlap of normalised stack symbols (the
 * guilty frame and the top frames weigh more), symptoms detected in the log, modules in the
 * stack, and the hypervisor. Every match says why.
 */
export function rankCasesByStack(
  reports: readonly OopsReport[],
  symptoms: readonly DetectedSymptom[],
  index: TriageIndex,
  mentions: readonly string[] = [],
  limit = 10,
): CaseMatch[] {
  const { documentFrequency, symptomFrequency, symbolIds } = prepare(index);
  const total = index.cases.length;
  const queries = [...reports.map(querySymbols), mentionQuery(mentions)];
  const detected = new Map(symptoms.map((symptom) => [index.symptoms.findIndex((item) => item.id === symptom.id), symptom]));
  const stackModules = new Set(reports.flatMap((report) => report.frames.map((frame) => frame.module).filter((module): module is string => module !== undefined)));
  const suspect = new Set(reports.flatMap((report) => report.suspectModules));
  const onXen = reports.some((report) => /\bXen\b/i.test(report.hardware ?? '') || report.frames.some((frame) => frame.normalized.startsWith('xen_')));

  const matches: CaseMatch[] = [];
  for (const entry of index.cases) {
    let score = 0;
    const shared: Array<{ symbol: string; label: string; value: number }> = [];
    const caseSymbols = new Set(entry.symbols);
    for (const query of queries) {
      for (const [symbol, { weight, label }] of query) {
        const id = symbolIds.get(symbol);
        if (id === undefined || !caseSymbols.has(id)) continue;
        const value = weight * idf(total, documentFrequency.get(id) ?? 1) * (entry.guilty.includes(id) ? 1.5 : 1);
        const existing = shared.find((item) => item.symbol === symbol);
        if (existing && existing.value >= value) continue;
        if (existing) score -= existing.value;
        score += value;
        if (existing) Object.assign(existing, { label, value });
        else shared.push({ symbol, label, value });
      }
    }
    const reasons: string[] = [];
    if (shared.length > 0) {
      shared.sort((a, b) => b.value - a.value);
      const named = shared.slice(0, 6).map((item) => (item.label === 'guilty frame' ? `${item.symbol} (guilty frame)` : item.symbol));
      reasons.push(`shares ${shared.length} stack symbol${shared.length === 1 ? '' : 's'}: ${named.join(', ')}${shared.length > 6 ? ', …' : ''}`);
    }
    for (const symptom of entry.symptoms) {
      const hit = detected.get(symptom);
      if (!hit) continue;
      score += WEIGHT.symptom * idf(total, symptomFrequency.get(symptom) ?? 1);
      reasons.push(`symptom: ${hit.title}`);
    }
    for (const tag of entry.drivers) {
      const outOfTree = tag.startsWith('!');
      const name = outOfTree ? tag.slice(1) : tag;
      if (!stackModules.has(name)) continue;
      score += WEIGHT.module + (outOfTree && suspect.has(name) ? WEIGHT.outOfTreeModule : 0);
      reasons.push(`module ${name} is in the stack${outOfTree ? '; the case ran it as an out-of-tree driver' : ''}`);
    }
    if (score > 0 && onXen && entry.hypervisor.startsWith('xen')) {
      score += WEIGHT.hypervisor;
      reasons.push(`same hypervisor family (${entry.hypervisor})`);
    }
    if (score > 0) matches.push({ case: entry.id, title: entry.title, score: Math.round(score * 100) / 100, reasons });
  }
  return matches.sort((a, b) => b.score - a.score || a.case.localeCompare(b.case)).slice(0, limit);
}
