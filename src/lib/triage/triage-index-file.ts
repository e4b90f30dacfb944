import type { TriageCase, TriageIndex } from './triage-index.ts';

/**
 * `/triage-index.json` as written: the triage index with its cases stored field by field, one
 * array per field, instead of one object per case. gzip finds the likeness of ten thousand titles,
 * statuses or symbol lists far better side by side than spread through ten thousand objects: at
 * 10,000 cases the file is 356 KiB gzip instead of 496 KiB, with the same content.
 */
export interface TriageIndexFile {
  /** Format version of the file; bump when the shape changes. */
  version: 4;
  symbols: TriageIndex['symbols'];
  cases: { [Field in keyof TriageCase]: Array<TriageCase[Field]> };
  symptoms: TriageIndex['symptoms'];
  tools: TriageIndex['tools'];
  checklists: TriageIndex['checklists'];
  commonness: TriageIndex['commonness'];
}

const FORMAT = 4;
const CASE_FIELDS = ['id', 'title', 'status', 'symbols', 'guilty', 'prominent', 'symptoms', 'drivers', 'stackModules', 'hypervisor', 'signatures'] as const satisfies ReadonlyArray<keyof TriageCase>;

/** The file for an index. */
export function encodeTriageIndex(index: TriageIndex): TriageIndexFile {
  const column = <Field extends keyof TriageCase>(field: Field) => index.cases.map((entry) => entry[field]);
  return {
    version: FORMAT,
    symbols: index.symbols,
    cases: {
      id: column('id'),
      title: column('title'),
      status: column('status'),
      symbols: column('symbols'),
      guilty: column('guilty'),
      prominent: column('prominent'),
      symptoms: column('symptoms'),
      drivers: column('drivers'),
      stackModules: column('stackModules'),
      hypervisor: column('hypervisor'),
      signatures: column('signatures'),
    },
    symptoms: index.symptoms,
    tools: index.tools,
    checklists: index.checklists,
    commonness: index.commonness,
  };
}

/** The index a file holds; a file of another version, or with columns of unequal length, is refused. */
export function decodeTriageIndex(file: unknown): TriageIndex {
  const data = file as Partial<TriageIndexFile> | null;
  if (!data || data.version !== FORMAT || !data.cases || !data.symbols || !data.symptoms || !data.commonness) {
    throw new Error(`triage index: expected format version ${FORMAT}, got ${String(data?.version)}; rebuild the site`);
  }
  const columns = data.cases;
  const count = columns.id.length;
  for (const field of CASE_FIELDS) {
    if (columns[field]?.length !== count) throw new Error(`triage index: column ${field} has ${columns[field]?.length ?? 'no'} entries for ${count} cases`);
  }
  const cases: TriageCase[] = columns.id.map((id, row) => ({
    id,
    title: columns.title[row] ?? '',
    status: columns.status[row] ?? '',
    symbols: columns.symbols[row] ?? [],
    guilty: columns.guilty[row] ?? [],
    prominent: columns.prominent[row] ?? [],
    symptoms: columns.symptoms[row] ?? [],
    drivers: columns.drivers[row] ?? [],
    stackModules: columns.stackModules[row] ?? [],
    hypervisor: columns.hypervisor[row] ?? '',
    signatures: columns.signatures[row] ?? [],
  }));
  return { version: 3, symbols: data.symbols, cases, symptoms: data.symptoms, tools: data.tools ?? {}, checklists: data.checklists ?? {}, commonness: data.commonness };
}
