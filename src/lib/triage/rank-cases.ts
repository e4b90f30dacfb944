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
  /** Symbol id → the cases (indices into `index.cases`) whose stacks hold it. */
  symbolPostings: Map<number, number[]>;
  /** Symptom index → the cases that list it. */
  symptomPostings: Map<number, number[]>;
  /** Module name → the cases that name it as a driver, with whether they ran it out-of-tree. */
  driverPostings: Map<string, Array<{ case: number; outOfTree: boolean }>>;
  /** Case index → its guilty symbol ids. */
  guilty: Array<Set<number>>;
  symbolIds: Map<string, number>;
  symptomIds: Map<string, number>;
}

const prepared = new WeakMap<TriageIndex, Prepared>();

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** Inverts the index once per page load: from each symbol, symptom and module to its cases. */
function prepare(index: TriageIndex): Prepared {
  let result = prepared.get(index);
  if (!result) {
    const symbolPostings = new Map<number, number[]>();
    const symptomPostings = new Map<number, number[]>();
    const driverPostings = new Map<string, Array<{ case: number; outOfTree: boolean }>>();
    index.cases.forEach((entry, position) => {
      for (const symbol of new Set(entry.symbols)) push(symbolPostings, symbol, position);
      for (const symptom of new Set(entry.symptoms)) push(symptomPostings, symptom, position);
      // A case may name a driver more than once (several versions); it counts once, out-of-tree if any is.
      const drivers = new Map<string, boolean>();
      for (const tag of entry.drivers) {
        const name = tag.startsWith('!') ? tag.slice(1) : tag;
        drivers.set(name, (drivers.get(name) ?? false) || tag.startsWith('!'));
      }
      for (const [name, outOfTree] of drivers) push(driverPostings, name, { case: position, outOfTree });
    });
    result = {
      symbolPostings,
      symptomPostings,
      driverPostings,
      guilty: index.cases.map((entry) => new Set(entry.guilty.map((position) => entry.symbols[position]).filter((id) => id !== undefined))),
      symbolIds: new Map(index.symbols.map((symbol, id) => [symbol, id])),
      symptomIds: new Map(index.symptoms.map((symptom, id) => [symptom.id, id])),
    };
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
  const { symbolPostings, symptomPostings, driverPostings, guilty, symbolIds, symptomIds } = prepare(index);
  const total = index.cases.length;
  const stackModules = new Set(reports.flatMap((report) => report.frames.map((frame) => frame.module).filter((module): module is string => module !== undefined)));
  const suspect = new Set(reports.flatMap((report) => report.suspectModules));
  const onXen = reports.some((report) => /\bXen\b/i.test(report.hardware ?? '') || report.frames.some((frame) => frame.normalized.startsWith('xen_')));

  // The strongest evidence for each symbol over all reports and mentions.
  const query = new Map<string, { weight: number; label: string }>();
  for (const part of [...reports.map(querySymbols), mentionQuery(mentions)]) {
    for (const [symbol, entry] of part) {
      const current = query.get(symbol);
      if (!current || current.weight < entry.weight) query.set(symbol, entry);
    }
  }

  // Scores first, in one array, with no allocation per case: a common symbol or symptom touches
  // thousands of cases, and building each one's reasons as it went cost more than the ranking
  // (and, in garbage collection, made one call in four two to five times slower).
  const scores = new Float64Array(total);
  const touched: number[] = [];
  const add = (position: number, value: number) => {
    if (scores[position] === 0) touched.push(position);
    scores[position] = (scores[position] ?? 0) + value;
  };
  // A symbol counts half as much again in a case whose stacks are blamed on it.
  const symbolValue = (position: number, id: number, weight: number) => weight * (guilty[position]?.has(id) ? 1.5 : 1);
  const symbolTerms: Array<{ symbol: string; id: number; label: string; weight: number }> = [];
  for (const [symbol, { weight, label }] of query) {
    const id = symbolIds.get(symbol);
    const postings = id === undefined ? undefined : symbolPostings.get(id);
    if (id === undefined || !postings) continue;
    const weightHere = weight * idf(total, postings.length);
    symbolTerms.push({ symbol, id, label, weight: weightHere });
    for (const position of postings) add(position, symbolValue(position, id, weightHere));
  }
  const symptomTerms: Array<{ id: number; title: string; weight: number }> = [];
  for (const symptom of symptoms) {
    const id = symptomIds.get(symptom.id);
    const postings = id === undefined ? undefined : symptomPostings.get(id);
    if (id === undefined || !postings) continue;
    const weight = WEIGHT.symptom * idf(total, postings.length);
    symptomTerms.push({ id, title: symptom.title, weight });
    for (const position of postings) add(position, weight);
  }
  for (const name of stackModules) {
    for (const { case: position, outOfTree } of driverPostings.get(name) ?? []) {
      add(position, WEIGHT.module + (outOfTree && suspect.has(name) ? WEIGHT.outOfTreeModule : 0));
    }
  }

  const scored: Array<{ position: number; xen: boolean; score: number }> = [];
  for (const position of touched) {
    const data = index.cases[position];
    const raw = scores[position] ?? 0;
    if (!data || raw <= 0) continue;
    const xen = onXen && data.hypervisor.startsWith('xen');
    scored.push({ position, xen, score: Math.round((raw + (xen ? WEIGHT.hypervisor : 0)) * 100) / 100 });
  }
  const cut = scored.map((item) => item.score).sort((a, b) => b - a)[limit - 1] ?? Number.NEGATIVE_INFINITY;
  const best = scored
    .filter((item) => item.score >= cut)
    .map((item) => ({ ...item, id: index.cases[item.position]?.id ?? '' }))
    .sort((a, b) => b.score - a.score || a.id.localeCompare(b.id))
    .slice(0, Math.max(0, limit));

  // Only the best are explained: each term is checked against the case, in the order it was scored.
  return best.map(({ position, xen, score }) => {
    const data = index.cases[position]!;
    const caseSymbols = new Set(data.symbols);
    const caseSymptoms = new Set(data.symptoms);
    const reasons: string[] = [];
    const shared = symbolTerms
      .filter((term) => caseSymbols.has(term.id))
      .map((term) => ({ symbol: term.symbol, label: term.label, value: symbolValue(position, term.id, term.weight) }))
      .sort((a, b) => b.value - a.value || a.symbol.localeCompare(b.symbol));
    if (shared.length > 0) {
      const named = shared.slice(0, 6).map((item) => (item.label === 'guilty frame' ? `${item.symbol} (guilty frame)` : item.symbol));
      reasons.push(`shares ${shared.length} stack symbol${shared.length === 1 ? '' : 's'}: ${named.join(', ')}${shared.length > 6 ? ', …' : ''}`);
    }
    for (const term of symptomTerms) if (caseSymptoms.has(term.id)) reasons.push(`symptom: ${term.title}`);
    for (const name of stackModules) {
      const driver = driverPostings.get(name)?.find((posting) => posting.case === position);
      if (driver) reasons.push(`module ${name} is in the stack${driver.outOfTree ? '; the case ran it as an out-of-tree driver' : ''}`);
    }
    if (xen) reasons.push(`same hypervisor family (${data.hypervisor})`);
    return { case: data.id, title: data.title, score, reasons };
  });
}
