/**
 * The one static file the triage page loads: what it needs of every case, symptom, tool and
 * checklist to match a pasted log, with no server. Symbols are stored once and referred to by
 * index, so the file stays small at thousands of cases.
 */
export interface TriageIndex {
  /** Format version; bump when the shape changes. */
  version: 2;
  /** Every normalised stack symbol of every case, the most common first so that frequent ids are short. */
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
  /** Positions in this case's `symbols` list (not ids) of the frames each stack is blamed on. */
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
