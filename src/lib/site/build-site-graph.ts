import type { CaseData, ToolStep } from '../../schemas/case.ts';
import type { ChecklistData } from '../../schemas/checklist.ts';
import type { SymptomData } from '../../schemas/symptom.ts';
import type { ToolData } from '../../schemas/tool.ts';
import type { StackFrame } from '../oops/frames.ts';
import { caseGraphPart, type CaseGraphPart } from './case-graph-part.ts';
import type { CaseStacks } from '../content/case-stacks.ts';

/** The minimum the graph needs of a content entry. */
export interface Entry<Data> {
  id: string;
  data: Data;
}

/** Where a symbol appears in a case. */
export interface SymbolOccurrence {
  caseId: string;
  stackIndex: number;
  stackLabel: string;
  /** The frame, when the symbol is a frame of the trace rather than a mention in a log line. */
  frame?: StackFrame;
  /** Position of that frame in its trace, 0 at the top (nearest the crash); absent for mentions. */
  depth?: number;
}

/** A tool step of a case, seen from the tool. */
export interface ToolUse {
  caseId: string;
  step: ToolStep;
  /** Position of the step in the case's timeline, from 1. */
  position: number;
}

/** Everything derived from the content: reverse links are computed here, never authored. */
export interface SiteGraph {
  cases: Entry<CaseData>[];
  symptoms: Entry<SymptomData>[];
  tools: Entry<ToolData>[];
  checklists: Entry<ChecklistData>[];
  /** Entries by id, so a page naming thousands of cases looks each up once, not by a scan. */
  caseById: Map<string, Entry<CaseData>>;
  symptomById: Map<string, Entry<SymptomData>>;
  toolById: Map<string, Entry<ToolData>>;
  checklistById: Map<string, Entry<ChecklistData>>;
  casesBySymptom: Map<string, string[]>;
  usesByTool: Map<string, ToolUse[]>;
  symptomsByTool: Map<string, Array<{ symptomId: string; why: string; when: string }>>;
  casesByChecklist: Map<string, string[]>;
  /** Cases that show each diagram, by diagram id. */
  casesByDiagram: Map<string, string[]>;
  symptomsByChecklist: Map<string, string[]>;
  symptomsRelatedTo: Map<string, string[]>;
  framesByCase: Map<string, StackFrame[][]>;
  /** The symbols each stack's lines quote as `symbol+0xoff/0xsize` (findSymbolMentions), by case. */
  mentionsByCase: Map<string, string[][]>;
  /** Normalised symbols each case's stacks mention, frames first. */
  symbolsByCase: Map<string, string[]>;
  symbols: Map<string, SymbolOccurrence[]>;
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

const byTitle = <D extends { title: string }>(a: Entry<D>, b: Entry<D>) => a.data.title.localeCompare(b.data.title);

/**
 * Builds the derived link graph from validated entries. `stacks` holds each case's logs already
 * parsed (the build parses them once, see case-stacks.ts); a case not in it, or whose logs differ,
 * is parsed here.
 */
export function buildSiteGraph(input: {
  cases: Entry<CaseData>[];
  symptoms: Entry<SymptomData>[];
  tools: Entry<ToolData>[];
  checklists: Entry<ChecklistData>[];
  stacks?: ReadonlyMap<string, CaseStacks>;
}): SiteGraph {
  return joinSiteGraph({ ...input, cases: input.cases.map((entry) => caseGraphPart(entry, input.stacks?.get(entry.id))) });
}

/** A symbol's place in the symbol index: leading underscores do not count, then the whole name. */
const symbolOrder = (a: string, b: string) => a.replace(/^_+/, '').localeCompare(b.replace(/^_+/, '')) || a.localeCompare(b);

/**
 * Joins each case's part (see case-graph-part.ts) with the symptoms, tools and checklists: the
 * reverse links, the lookups by id and the symbol index. Nothing here parses a stack, so on the
 * development server a saved case costs its own part and this join.
 */
export function joinSiteGraph(input: {
  cases: CaseGraphPart[];
  symptoms: Entry<SymptomData>[];
  tools: Entry<ToolData>[];
  checklists: Entry<ChecklistData>[];
}): SiteGraph {
  const parts = [...input.cases].sort((a, b) => b.entry.data.firstSeen.localeCompare(a.entry.data.firstSeen) || a.entry.id.localeCompare(b.entry.id));
  const cases = parts.map((part) => part.entry);
  const graph: SiteGraph = {
    cases,
    symptoms: [...input.symptoms].sort(byTitle),
    tools: [...input.tools].sort(byTitle),
    checklists: [...input.checklists].sort(byTitle),
    caseById: new Map(cases.map((entry) => [entry.id, entry])),
    symptomById: new Map(input.symptoms.map((entry) => [entry.id, entry])),
    toolById: new Map(input.tools.map((entry) => [entry.id, entry])),
    checklistById: new Map(input.checklists.map((entry) => [entry.id, entry])),
    casesBySymptom: new Map(),
    usesByTool: new Map(),
    symptomsByTool: new Map(),
    casesByChecklist: new Map(),
    casesByDiagram: new Map(),
    symptomsByChecklist: new Map(),
    symptomsRelatedTo: new Map(),
    framesByCase: new Map(),
    mentionsByCase: new Map(),
    symbolsByCase: new Map(),
    symbols: new Map(),
  };

  for (const { entry, frames, mentions, occurrences, symbols } of parts) {
    for (const symptom of entry.data.symptoms) push(graph.casesBySymptom, symptom, entry.id);
    entry.data.tools.forEach((step, index) => push(graph.usesByTool, step.tool, { caseId: entry.id, step, position: index + 1 }));
    for (const checklist of entry.data.checklists) push(graph.casesByChecklist, checklist, entry.id);
    for (const diagram of entry.data.diagrams) push(graph.casesByDiagram, diagram, entry.id);
    graph.framesByCase.set(entry.id, frames);
    graph.mentionsByCase.set(entry.id, mentions);
    for (const [symbol, occurrence] of occurrences) push(graph.symbols, symbol, occurrence);
    graph.symbolsByCase.set(entry.id, symbols);
  }

  for (const entry of graph.symptoms) {
    for (const recommendation of entry.data.tools) {
      push(graph.symptomsByTool, recommendation.tool, { symptomId: entry.id, why: recommendation.why, when: recommendation.when });
    }
    for (const checklist of entry.data.checklists) push(graph.symptomsByChecklist, checklist, entry.id);
    for (const related of entry.data.related) {
      push(graph.symptomsRelatedTo, entry.id, related);
      push(graph.symptomsRelatedTo, related, entry.id);
    }
  }
  for (const [id, related] of graph.symptomsRelatedTo) graph.symptomsRelatedTo.set(id, [...new Set(related)].sort());

  graph.symbols = new Map([...graph.symbols].sort(([a], [b]) => symbolOrder(a, b)));
  return graph;
}

/** The symptom × tool grid: recommended or not, and each case where the pair met. */
export interface MatrixCell {
  recommended?: { why: string; when: string };
  uses: Array<{ caseId: string; outcome: ToolStep['outcome'] }>;
}

export function matrixCell(graph: SiteGraph, symptomId: string, toolId: string): MatrixCell {
  const symptom = graph.symptomById.get(symptomId);
  const recommendation = symptom?.data.tools.find((tool) => tool.tool === toolId);
  const caseIds = new Set(graph.casesBySymptom.get(symptomId) ?? []);
  const uses = (graph.usesByTool.get(toolId) ?? [])
    .filter((use) => caseIds.has(use.caseId))
    .map((use) => ({ caseId: use.caseId, outcome: use.step.outcome }));
  return { ...(recommendation ? { recommended: { why: recommendation.why, when: recommendation.when } } : {}), uses };
}
