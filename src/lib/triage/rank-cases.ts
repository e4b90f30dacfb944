import { alwaysSkipped, makeFrameFilter } from '../oops/frame-filters.ts';
import type { OopsReport } from '../oops/report-types.ts';
import type { DetectedSymptom } from './detect-symptoms.ts';
import type { SignatureHit } from './match-signatures.ts';
import type { TriageIndex } from './triage-index.ts';

/**
 * `match`: the log shares something specific with the case (a rare frame, a driver module, a
 * rare symptom, one of the case's own lines). `related`: only evidence that many unrelated
 * crashes share, such as page-fault, allocator or scheduler frames or a common crash class.
 */
export type MatchStrength = 'match' | 'related';

/** A case that resembles the pasted crash, and why. */
export interface CaseMatch {
  case: string;
  title: string;
  score: number;
  strength: MatchStrength;
  reasons: string[];
}

const isBoilerplate = makeFrameFilter(['reporting', 'entry', 'interrupts']);

/**
 * Frames the parser never blames, by the kernel source they come from (allocators, socket buffer
 * and copy helpers, locking, reporting, entry code, and the checks that detect someone else's
 * bug, such as the page freeing path's; frame-filters.ts): however rarely a corpus
 * shows one, it is infrastructure every crash of its kind can pass through, never the evidence
 * that a log and a case are the same bug.
 */
const isInfrastructure = makeFrameFilter([...alwaysSkipped, 'debugChecks']);

/** Weights: the blamed frame says most, the top of the stack more than its bottom. */
const WEIGHT = { guilty: 3, top: 2, rest: 1, unreliable: 0.3, mentioned: 1, symptom: 1.5, module: 2, outOfTreeModule: 1.5, hypervisor: 0.5, line: 3, environment: 1 } as const;
const TOP_FRAMES = 5;
/** What a specific frame deep in a case's stacks counts for, against one at their top. */
const DEEP_FRAME = 0.5;
/** What a specific symptom seen inside a kernel crash report counts for, against one outside any. */
const IN_REPORT_SYMPTOM = 0.5;

/**
 * Evidence found in more than this share of unrelated crash logs (the mean over the corpora the
 * commonness was learned from) is generic: it says which kind of crash this is, not which bug.
 * At 0.5 %, the page-fault (`handle_mm_fault` 3 %), allocator (`__alloc_pages_nodemask` 5 %,
 * `___slab_alloc` 1.3 %) and scheduler (`schedule` 7 %) paths are generic, as are the WARNING,
 * KASAN, RCU-stall and paging-request classes; a symbol seen in one fuzzer log of 563 is not.
 */
export const GENERIC_SHARE = 0.005;

/**
 * A case is shown as a match when its specific evidence, each piece weighed by where it sits and
 * by how rare it is, reaches this: the guilty or a top frame, a driver module or one of the case's
 * own lines alone; two frames further down or two rarely seen symptoms together.
 */
export const MATCH_MINIMUM = 1.5;

/**
 * And one piece of it must reach this alone: five frames of a receive path that a case's stacks
 * pass through deep down add up, but none of them points at the bug.
 */
export const ANCHOR_MINIMUM = 1;

/**
 * A case related by less than this is left out: sharing only a crash class that one unrelated
 * log in three shows (a WARNING splat) tells the reader nothing.
 */
export const RELATED_MINIMUM = 0.5;

/** Lines a kernel prints just before a report's header (`usercopy: …`, `list_del corruption…`) belong to the report. */
const REPORT_PREAMBLE_LINES = 3;

interface Prepared {
  /** Symbol id → the cases (indices into `index.cases`) whose stacks hold it. */
  symbolPostings: Map<number, number[]>;
  /** Symptom index → the cases that list it. */
  symptomPostings: Map<number, number[]>;
  /** Module name → the cases that name it as a driver or show it in a stack, with whether they ran it out-of-tree and whether their stacks run through it. */
  driverPostings: Map<string, Array<{ case: number; outOfTree: boolean; inStack: boolean }>>;
  /** Case index → its guilty symbol ids. */
  guilty: Array<Set<number>>;
  /** Case index → the symbol ids at the top of its stacks or quoted outside them. */
  prominent: Array<Set<number>>;
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
    const driverPostings = new Map<string, Array<{ case: number; outOfTree: boolean; inStack: boolean }>>();
    index.cases.forEach((entry, position) => {
      for (const symbol of new Set(entry.symbols)) push(symbolPostings, symbol, position);
      for (const symptom of new Set(entry.symptoms)) push(symptomPostings, symptom, position);
      // A case may name a driver more than once (several versions); it counts once, out-of-tree if any is.
      const drivers = new Map<string, boolean>();
      for (const tag of entry.drivers) {
        const name = tag.startsWith('!') ? tag.slice(1) : tag;
        drivers.set(name, (drivers.get(name) ?? false) || tag.startsWith('!'));
      }
      for (const name of entry.stackModules) if (!drivers.has(name)) drivers.set(name, false);
      const inStack = new Set(entry.stackModules);
      for (const [name, outOfTree] of drivers) push(driverPostings, name, { case: position, outOfTree, inStack: inStack.has(name) });
    });
    result = {
      symbolPostings,
      symptomPostings,
      driverPostings,
      guilty: index.cases.map((entry) => new Set(entry.guilty.map((position) => entry.symbols[position]).filter((id) => id !== undefined))),
      prominent: index.cases.map((entry) => new Set([...entry.guilty, ...entry.prominent].map((position) => entry.symbols[position]).filter((id) => id !== undefined))),
      symbolIds: new Map(index.symbols.map((symbol, id) => [symbol, id])),
      symptomIds: new Map(index.symptoms.map((symptom, id) => [symptom.id, id])),
    };
    prepared.set(index, result);
  }
  return result;
}

/** Inverse document frequency: a symbol in every case says nothing, one in a single case says most. */
const idf = (cases: number, frequency: number) => Math.log(1 + cases / Math.max(1, frequency));

/**
 * How much a piece of evidence can tell, from how common it is across unrelated crash logs:
 * 1 for what the corpora never showed, falling with the logarithm of its share, towards 0 for
 * what every crash shows.
 */
function rarity(index: TriageIndex, share: number): number {
  const floor = Math.min(0.5, Math.max(1e-6, index.commonness.floor));
  return Math.log(1 / Math.max(share, floor)) / Math.log(1 / floor);
}

/** How common, in words: `never seen in unrelated crash logs`, `in 0.3 % of unrelated crash logs`. */
const commonnessText = (share: number) => (share === 0 ? 'never seen in unrelated crash logs' : `in ${share < 0.001 ? 'under 0.1' : (share * 100).toFixed(share < 0.1 ? 1 : 0)} % of unrelated crash logs`);

/** Functions named in the log outside any recognised report, e.g. in trace or probe output. */
function mentionQuery(mentions: readonly string[]): Map<string, { weight: number; label: string }> {
  return new Map(mentions.filter((symbol) => !isBoilerplate(symbol)).map((symbol) => [symbol, { weight: WEIGHT.mentioned, label: 'mentioned' }]));
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

interface Term {
  /** Adds to the ranking score (also weighed by how few cases share it). */
  score: number;
  /** Adds to the case's specific evidence; 0 for generic evidence. */
  specific: number;
}

/**
 * Ranks cases against parsed reports and the lines of the paste: shared stack symbols (the
 * guilty frame and the top frames weigh more), symptoms detected in the log, the cases' own
 * characteristic lines, modules in the stack and the hypervisor. Every piece of evidence is
 * weighed by how rare it is across unrelated crash logs; a case whose shared evidence is all
 * generic is `related`, never a `match`. Matches come first. Every case listed says why.
 */
export function rankCasesByStack(
  reports: readonly OopsReport[],
  symptoms: readonly DetectedSymptom[],
  index: TriageIndex,
  mentions: readonly string[] = [],
  limit = 10,
  signatureHits: readonly SignatureHit[] = [],
): CaseMatch[] {
  const { symbolPostings, symptomPostings, driverPostings, guilty, prominent, symbolIds, symptomIds } = prepare(index);
  const total = index.cases.length;
  const stackModules = new Set(reports.flatMap((report) => report.frames.map((frame) => frame.module).filter((module): module is string => module !== undefined)));
  const suspect = new Set(reports.flatMap((report) => report.suspectModules));
  const onXen = reports.some((report) => /\bXen\b/i.test(report.hardware ?? '') || report.frames.some((frame) => frame.normalized.startsWith('xen_')));

  // The strongest evidence for each symbol over all reports; a function only named elsewhere counts as mentioned.
  const query = new Map<string, { weight: number; label: string }>();
  for (const part of reports.map(querySymbols)) {
    for (const [symbol, entry] of part) {
      const current = query.get(symbol);
      if (!current || current.weight < entry.weight) query.set(symbol, entry);
    }
  }
  for (const [symbol, entry] of mentionQuery(mentions)) if (!query.has(symbol)) query.set(symbol, entry);

  // Scores first, in flat arrays, with no allocation per case: a common symbol or symptom touches
  // thousands of cases, and building each one's reasons while scoring would cost more than the
  // ranking (and, in garbage collection, make one call in four two to five times slower).
  const scores = new Float64Array(total);
  const specific = new Float64Array(total);
  // Specific frames are not independent pieces of evidence: five frames of one receive path say
  // little more than one. The strongest counts fully, each further one half.
  const frameSum = new Float64Array(total);
  const frameMax = new Float64Array(total);
  // The strongest single piece of specific evidence per case.
  const anchor = new Float64Array(total);
  const seen = new Uint8Array(total);
  const touched: number[] = [];
  const touch = (position: number) => {
    if (seen[position] === 0) {
      seen[position] = 1;
      touched.push(position);
    }
  };
  const add = (position: number, term: Term) => {
    touch(position);
    scores[position] = (scores[position] ?? 0) + term.score;
    specific[position] = (specific[position] ?? 0) + term.specific;
    anchor[position] = Math.max(anchor[position] ?? 0, term.specific);
  };
  const termOf = (weight: number, share: number, cases: number): Term => {
    const rare = weight * rarity(index, share);
    return { score: rare * idf(total, cases), specific: share > GENERIC_SHARE ? 0 : rare };
  };
  // A symbol counts half as much again in a case whose stacks are blamed on it.
  const blamed = (position: number, id: number) => (guilty[position]?.has(id) ? 1.5 : 1);
  const symbolTerms: Array<{ symbol: string; id: number; label: string; term: Term }> = [];
  for (const [symbol, { weight, label }] of query) {
    const id = symbolIds.get(symbol);
    const postings = id === undefined ? undefined : symbolPostings.get(id);
    if (id === undefined || !postings) continue;
    const share = index.commonness.symbols[id] ?? 0;
    const learned = termOf(weight, share, postings.length);
    const term = isInfrastructure(symbol) ? { ...learned, specific: 0 } : learned;
    symbolTerms.push({ symbol, id, label, term });
    for (const position of postings) {
      const factor = blamed(position, id);
      add(position, { score: term.score * factor, specific: 0 });
      // A frame deep in the case's stacks, on the way to the bug, is half the evidence of one at its top.
      const value = term.specific * factor * (prominent[position]?.has(id) ? 1 : DEEP_FRAME);
      frameSum[position] = (frameSum[position] ?? 0) + value;
      frameMax[position] = Math.max(frameMax[position] ?? 0, value);
      anchor[position] = Math.max(anchor[position] ?? 0, value);
    }
  }
  const symptomTerms: Array<{ id: number; title: string; share: number; term: Term }> = [];
  for (const symptom of symptoms) {
    const id = symptomIds.get(symptom.id);
    const postings = id === undefined ? undefined : symptomPostings.get(id);
    if (id === undefined || !postings) continue;
    const share = index.commonness.symptoms[id] ?? 0;
    // A symptom seen on a line of a kernel crash report names the report's kind; which bug it is,
    // the report's frames say. Outside reports (application messages, hypervisor lines, watchdog
    // and allocation warnings) the line is all the evidence there is, and counts in full.
    const inReport = reports.some((report) => symptom.lineNumber >= report.startLine - REPORT_PREAMBLE_LINES && symptom.lineNumber <= report.endLine);
    const full = termOf(WEIGHT.symptom, share, postings.length);
    const term = inReport ? { score: full.score, specific: full.specific * IN_REPORT_SYMPTOM } : full;
    symptomTerms.push({ id, title: symptom.title, share, term });
    for (const position of postings) add(position, term);
  }
  for (const name of stackModules) {
    const share = index.commonness.modules[name] ?? 0;
    for (const { case: position, outOfTree, inStack } of driverPostings.get(name) ?? []) {
      // A module the case only had loaded, its stacks never passing through it, is the same machine, not the same bug.
      const weight = inStack ? WEIGHT.module + (outOfTree && suspect.has(name) ? WEIGHT.outOfTreeModule : 0) : WEIGHT.environment;
      add(position, termOf(weight, share, 1));
    }
  }
  for (const hit of signatureHits) {
    add(hit.case, termOf(hit.signature.kind === 'environment' ? WEIGHT.environment : WEIGHT.line, hit.signature.commonness, 1));
  }

  const scored: Array<{ position: number; xen: boolean; score: number; strength: MatchStrength }> = [];
  for (const position of touched) {
    const data = index.cases[position];
    const raw = scores[position] ?? 0;
    if (!data || raw <= 0) continue;
    const xen = onXen && data.hypervisor.startsWith('xen');
    const frames = (frameMax[position] ?? 0) + ((frameSum[position] ?? 0) - (frameMax[position] ?? 0)) / 2;
    const strong = (specific[position] ?? 0) + frames >= MATCH_MINIMUM - 1e-9 && (anchor[position] ?? 0) >= ANCHOR_MINIMUM - 1e-9;
    const strength: MatchStrength = strong ? 'match' : 'related';
    if (!strong && raw < RELATED_MINIMUM) continue;
    scored.push({ position, xen, strength, score: Math.round((raw + (xen ? WEIGHT.hypervisor : 0)) * 100) / 100 });
  }
  const best = scored
    .map((item) => ({ ...item, id: index.cases[item.position]?.id ?? '' }))
    .sort((a, b) => (a.strength === b.strength ? 0 : a.strength === 'match' ? -1 : 1) || b.score - a.score || a.id.localeCompare(b.id))
    .slice(0, Math.max(0, limit));

  // Only the best are explained: each term is checked against the case, in the order it was scored.
  return best.map(({ position, xen, score, strength }) => {
    const data = index.cases[position]!;
    const caseSymbols = new Set(data.symbols);
    const caseSymptoms = new Set(data.symptoms);
    const reasons: string[] = [];
    const shared = symbolTerms
      .filter((term) => caseSymbols.has(term.id))
      .map((term) => ({ ...term, value: term.term.score * blamed(position, term.id) }))
      .sort((a, b) => b.value - a.value || a.symbol.localeCompare(b.symbol));
    const named = (list: typeof shared) => `${list.slice(0, 6).map((item) => (item.label === 'guilty frame' ? `${item.symbol} (guilty frame)` : item.symbol)).join(', ')}${list.length > 6 ? ', …' : ''}`;
    const rare = shared.filter((item) => item.term.specific > 0);
    const common = shared.filter((item) => item.term.specific === 0);
    if (rare.length > 0) reasons.push(`shares ${rare.length} specific stack symbol${rare.length === 1 ? '' : 's'}: ${named(rare)}`);
    if (common.length > 0) reasons.push(`shares ${common.length} generic frame${common.length === 1 ? '' : 's'} (kernel infrastructure, or common in unrelated crashes): ${named(common)}`);
    for (const hit of signatureHits) {
      if (hit.case !== position) continue;
      const what = hit.signature.kind === 'environment' ? 'describes the same machine as the case (kernel build, taint, hardware or firmware), not the bug' : "is one of the case's own log lines";
      reasons.push(`line ${hit.lineNumber} ${what}: ${hit.signature.line.slice(0, 160)}`);
    }
    for (const term of symptomTerms) {
      if (!caseSymptoms.has(term.id)) continue;
      reasons.push(`symptom: ${term.title} (${term.term.specific > 0 ? 'specific' : 'common'}: ${commonnessText(term.share)})`);
    }
    for (const name of stackModules) {
      const driver = driverPostings.get(name)?.find((posting) => posting.case === position);
      if (!driver) continue;
      const share = index.commonness.modules[name] ?? 0;
      const how = driver.inStack ? (driver.outOfTree ? "; the case's stacks run through it too, as an out-of-tree driver" : "; the case's stacks run through it too") : driver.outOfTree ? '; the case had it loaded as an out-of-tree driver, but its stacks do not pass through it' : '; the case had it loaded, but its stacks do not pass through it';
      reasons.push(`module ${name} is in the stack${how}${share > GENERIC_SHARE ? ` (common: ${commonnessText(share)})` : ''}`);
    }
    if (xen) reasons.push(`same hypervisor family (${data.hypervisor})`);
    return { case: data.id, title: data.title, score, strength, reasons };
  });
}
