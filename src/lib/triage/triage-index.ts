/**
 * The one static file the triage page loads: what it needs of every case, symptom, tool and
 * checklist to match a pasted log, with no server. Symbols are stored once and referred to by
 * index, so the file stays small at thousands of cases.
 */
export interface TriageIndex {
  /** Format version; bump when the shape changes. */
  version: 3;
  /** Every normalised stack symbol of every case, the most common first so that frequent ids are short. */
  symbols: string[];
  cases: TriageCase[];
  symptoms: TriageSymptom[];
  /** Tool id → title. */
  tools: Record<string, string>;
  /** Checklist id → title. */
  checklists: Record<string, string>;
  /** How common the index's evidence is across unrelated crash logs (see `generic-frames.ts`). */
  commonness: TriageCommonness;
}

export interface TriageCommonness {
  /** The smallest share the figures tell apart from zero; rarer counts as never seen. */
  floor: number;
  /** Per entry of `symbols`: mean share of corpus logs naming it. */
  symbols: number[];
  /** Per entry of `symptoms`: mean share of corpus logs showing it. */
  symptoms: number[];
  /** Per module the cases name as a driver or show in a stack: mean share of corpus logs with it in a stack. */
  modules: Record<string, number>;
}

export interface TriageCase {
  id: string;
  title: string;
  status: string;
  /** Indices into `symbols`, the top of each stack first. */
  symbols: number[];
  /** Positions in this case's `symbols` list (not ids) of the frames each stack is blamed on. */
  guilty: number[];
  /** Positions in `symbols` of the top frames of each stack and of functions the case quotes outside stacks. */
  prominent: number[];
  /** Indices into `symptoms`. */
  symptoms: number[];
  /** Driver modules, with `!` in front of out-of-tree ones. */
  drivers: string[];
  /** Modules the case's own stacks run through: a driver only loaded on the machine is weaker evidence. */
  stackModules: string[];
  hypervisor: string;
  /** The case's characteristic log lines, each with its commonness; matched by template (see `lineTemplate`). */
  signatures: TriageSignature[];
}

export interface TriageSignature {
  /** The line as the case gives it (a wrapped line joined again). */
  line: string;
  /** Mean share of corpus logs holding a line of this template. */
  commonness: number;
  /** `message`: a line of the incident; `environment`: the kernel build and taint line, weak evidence. */
  kind: 'message' | 'environment';
}

export interface TriageSymptom {
  id: string;
  title: string;
  /** Regular expression sources, matched against prefix-free log lines. */
  patterns: string[];
  tools: Array<{ tool: string; why: string; when: string }>;
  checklists: string[];
}
