/** One row of github-pastes' MANIFEST.tsv. */
export interface PasteEntry {
  file: string;
  source: string;
  arch: string;
  kind: string;
  /** Acceptable answers for where it crashed or warned; empty when the text names none (`-`). */
  functions: string[];
  /** Acceptable modules; empty when none (`-`). */
  modules: string[];
  note: string;
}

const alternatives = (cell: string | undefined) =>
  cell === undefined || cell.trim() === '-' || cell.trim() === '' ? [] : cell.split('|').map((value) => value.trim()).filter(Boolean);

/** Reads the tab-separated manifest; columns are found by the header row's names. */
export function parseManifest(text: string): PasteEntry[] {
  const [header, ...rows] = text.replace(/\r/g, '').split('\n').filter((line) => line.trim() !== '');
  const columns = (header ?? '').split('\t');
  const column = (cells: string[], name: string) => {
    const at = columns.indexOf(name);
    return at >= 0 ? cells[at] : undefined;
  };
  return rows.map((row) => {
    const cells = row.split('\t');
    return {
      file: column(cells, 'file') ?? '',
      source: column(cells, 'source') ?? '',
      arch: column(cells, 'arch') ?? '',
      kind: column(cells, 'kind') ?? '',
      functions: alternatives(column(cells, 'expected_function')),
      modules: alternatives(column(cells, 'expected_module')),
      note: column(cells, 'note') ?? '',
    };
  });
}
