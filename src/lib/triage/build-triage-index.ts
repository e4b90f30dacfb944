import type { CaseData } from '../../schemas/case.ts';
import { makeFrameFilter } from '../oops/frame-filters.ts';
import type { SiteGraph } from '../site/build-site-graph.ts';
import learned from './generic-frames.json' with { type: 'json' };
import { asCorpusFrequency, commonness, commonnessFloor, lineCommonness, symbolCommonness, type CorpusFrequency } from './generic-frames.ts';
import { GENERIC_SHARE } from './rank-cases.ts';
import { isUsableTemplate, lineTemplate } from './line-template.ts';
import type { TriageIndex, TriageSignature } from './triage-index.ts';

/** Frames that say nothing about which bug this is: reporting, entry and interrupt plumbing. */
const isBoilerplate = makeFrameFilter(['reporting', 'entry', 'interrupts']);

/** How many symbols of a case the index keeps: the top of each stack matters most. */
const SYMBOLS_PER_CASE = 40;
/** Frames at the top of a stack, where the bug is, as opposed to the paths that led there. */
const TOP_FRAMES = 5;

/**
 * Builds the triage index from the site graph (the same data the pages show), with how common
 * each piece of evidence is across unrelated crash logs (by default the committed figures).
 */
export function buildTriageIndex(graph: SiteGraph, frequency: CorpusFrequency = asCorpusFrequency(learned)): TriageIndex {
  const symptomIndex = new Map(graph.symptoms.map((entry, index) => [entry.id, index]));
  const perCase = graph.cases.map((entry) => {
    const stacks = graph.framesByCase.get(entry.id) ?? [];
    const ordered: string[] = [];
    const guilty: string[] = [];
    // Interleave stacks so every stack's top frames are kept before any stack's bottom.
    const depth = Math.max(0, ...stacks.map((frames) => frames.length));
    for (let position = 0; position < depth; position++) {
      for (const frames of stacks) {
        const frame = frames[position];
        if (frame && frame.reliable && !isBoilerplate(frame.normalized) && !ordered.includes(frame.normalized)) ordered.push(frame.normalized);
      }
    }
    const prominent = new Set<string>();
    for (const frames of stacks) {
      const kept = frames.filter((frame) => frame.reliable && !isBoilerplate(frame.normalized));
      const first = kept[0];
      if (first && !guilty.includes(first.normalized)) guilty.push(first.normalized);
      for (const frame of kept.slice(0, TOP_FRAMES)) prominent.add(frame.normalized);
    }
    // Functions named in trace output or probe lines (`(__xsk_rcv_zc+0x9b/0x250)`) count too,
    // and are prominent: the author quoted them as evidence, not as a path through the kernel.
    for (const mentions of graph.mentionsByCase.get(entry.id) ?? []) {
      for (const symbol of mentions) {
        if (isBoilerplate(symbol) || ordered.includes(symbol)) continue;
        ordered.push(symbol);
        prominent.add(symbol);
      }
    }
    const modules = [...new Set(stacks.flatMap((frames) => frames.map((frame) => frame.module).filter((name): name is string => name !== undefined)))].sort();
    return { entry, symbols: ordered.slice(0, SYMBOLS_PER_CASE), guilty, prominent, modules };
  });

  // Most common symbols first (then by name): at thousands of cases their ids, written in every
  // case, stay one or two digits long.
  const casesNaming = new Map<string, number>();
  for (const item of perCase) for (const symbol of item.symbols) casesNaming.set(symbol, (casesNaming.get(symbol) ?? 0) + 1);
  const symbols = [...casesNaming.keys()].sort((a, b) => (casesNaming.get(b) ?? 0) - (casesNaming.get(a) ?? 0) || (a < b ? -1 : a > b ? 1 : 0));
  const symbolIndex = new Map(symbols.map((symbol, index) => [symbol, index]));
  const indexOf = (symbol: string) => symbolIndex.get(symbol);
  const defined = (value: number | undefined): value is number => value !== undefined && value >= 0;

  const symptomPatterns = graph.symptoms.map((entry) => entry.data.signatures.flatMap((signature) => {
    try {
      return [new RegExp(signature.pattern)];
    } catch {
      return [];
    }
  }));
  const symptomCommonness = graph.symptoms.map((entry) => commonness(frequency, frequency.symptoms[entry.id]));
  const drivers = new Set(perCase.flatMap((item) => [...item.entry.data.environment.drivers.map((driver) => driver.name), ...item.modules]));

  return {
    version: 3,
    symbols,
    cases: perCase.map(({ entry, symbols: caseSymbols, guilty, prominent, modules }) => ({
      id: entry.id,
      title: entry.data.title,
      status: entry.data.status,
      symbols: caseSymbols.map(indexOf).filter(defined),
      // Blamed frames are among the case's first symbols, so a position is smaller than an id.
      guilty: guilty.map((symbol) => caseSymbols.indexOf(symbol)).filter(defined),
      prominent: caseSymbols.flatMap((symbol, position) => (prominent.has(symbol) ? [position] : [])),
      symptoms: entry.data.symptoms.map((id) => symptomIndex.get(id)).filter(defined),
      drivers: driverTags(entry.data),
      stackModules: modules,
      hypervisor: entry.data.environment.hypervisor,
      signatures: caseSignatures(entry.data, symptomIndex, symptomPatterns, symptomCommonness, frequency),
    })),
    symptoms: graph.symptoms.map((entry) => ({
      id: entry.id,
      title: entry.data.title,
      patterns: entry.data.signatures.map((signature) => signature.pattern),
      tools: entry.data.tools.map(({ tool, why, when }) => ({ tool, why, when })),
      checklists: entry.data.checklists,
    })),
    tools: Object.fromEntries(graph.tools.map((entry) => [entry.id, entry.data.title])),
    checklists: Object.fromEntries(graph.checklists.map((entry) => [entry.id, entry.data.title])),
    commonness: {
      floor: commonnessFloor(frequency),
      symbols: symbols.map((symbol) => symbolCommonness(frequency, symbol)),
      symptoms: symptomCommonness,
      modules: Object.fromEntries([...drivers].sort().map((name) => [name, commonness(frequency, frequency.modules[name])])),
    },
  };
}

/** A frame as a case quotes it (`i40e_napi_poll+0x137f/0x1720 [i40e]`): matched as a symbol, not as a line. */
const FRAME_LINE = /^(?:\? )?[\w.$#]+\+#\/#(?: \[[\w#-]+\])?$/;
/**
 * The kernel build, process and taint line, the machine's name, or a line stating a driver or
 * firmware version (`… detected a newer version of the NVM image …`): the same machine, not the same bug.
 */
const ENVIRONMENT_LINE = /^(?:CPU: # PID: # Comm: |Hardware name: )|\b(?:[Ff]irmware|NVM|[Vv]ersion)\b/;

/**
 * The case's characteristic lines, matched against every line of a paste. A line one of the
 * case's own symptoms recognises is that symptom's evidence and is left to it; a line another
 * symptom recognises is as common as that symptom. A line an author wrapped is joined again.
 * The index keeps the line only; its template is made again where it is matched.
 */
function caseSignatures(data: CaseData, symptomIndex: Map<string, number>, patterns: RegExp[][], symptomCommonness: number[], frequency: CorpusFrequency): TriageSignature[] {
  const own = new Set(data.symptoms.map((id) => symptomIndex.get(id)));
  const signatures = new Map<string, TriageSignature>();
  for (const signature of data.signatures) {
    const line = signature.split('\n').map((part) => part.trim()).join(' ');
    const template = lineTemplate(line);
    if (!isUsableTemplate(template) || FRAME_LINE.test(template) || signatures.has(template)) continue;
    const recognisedBy = patterns.flatMap((list, symptom) => (list.some((pattern) => pattern.test(line)) ? [symptom] : []));
    if (recognisedBy.some((symptom) => own.has(symptom))) continue;
    const share = Math.max(lineCommonness(frequency, template), ...recognisedBy.map((symptom) => symptomCommonness[symptom] ?? 0));
    // A line many unrelated logs hold could never count as specific: it is left out of the index.
    if (share > GENERIC_SHARE) continue;
    signatures.set(template, { line, commonness: share, kind: ENVIRONMENT_LINE.test(template) ? 'environment' : 'message' });
  }
  return [...signatures.values()];
}

function driverTags(data: CaseData): string[] {
  return [...new Set(data.environment.drivers.map((driver) => (driver.origin === 'out-of-tree' ? `!${driver.name}` : driver.name)))];
}
