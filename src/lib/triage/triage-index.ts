/**
 * The one static file the triage page loads: what it needs of every case, symptom, tool and
 * checklist to match a pasted log, with no server. Symbols are stored once and referred to by
 * index, so the file stays small at thousands of cases.
 */
export interface TriageIndex {
  /** Format version; bump when the shape changes. */
  version: 1;
  /** Every normalised stack symbol of every case, sorted. */
  symbols: string[];
  cases: TriageCase[];
  symptoms: TriageSymptom[];
  /** Tool id → title. */
  tools: Record<string, string>;
  /** Checklist id → title. */
  checklists: Record<string, string>;
}

export interface TriageCase {
  id: string;
  title: string;
  status: string;
  /** Indices into `symbols`, the top of each stack first. */
  symbols: number[];
  /** Indices into `symbols` of the frames each stack is blamed on. */
  guilty: number[];
  /** Indices into `symptoms`. */
  symptoms: number[];
  /** Driver modules, with `!` in front of out-of-tree ones. */
  drivers: string[];
  hypervisor: string;
}

export interface TriageSymptom {
  id: string;
  title: string;
  /** Regular expression sources, matched against prefix-free log lines. */
  patterns: string[];
  tools: Array<{ tool: string; why: string; when: string }>;
  checklists: string[];
}
