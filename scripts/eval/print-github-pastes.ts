import { percent } from './ratio.ts';
import type { PasteFileResult, PastesScore, PasteTotals } from './score-github-pastes.ts';

const cell = (value: string | undefined, width: number) => {
  const text = value || '-';
  return (text.length > width ? `${text.slice(0, width - 1)}…` : text).padEnd(width);
};
const mark = (value: boolean | undefined) => (value === undefined ? '' : value ? 'yes' : 'NO');

const totalsLine = (label: string, totals: PasteTotals) =>
  `  ${label.padEnd(10)} ${String(totals.files).padStart(3)} files  found ${percent(totals.found).padEnd(18)} names the function ${percent(totals.namesFunction).padEnd(18)} names the module ${percent(totals.namesModule)}`;

/** The github-pastes report: totals, per arch, then one line per paste. */
export function printPastes(dir: string, score: PastesScore): string[] {
  const arches = [...score.byArch].sort((a, b) => b[1].files - a[1].files || a[0].localeCompare(b[0]));
  const lines = [
    `corpus: ${dir} (github pastes: ${score.results.length} files listed in MANIFEST.tsv)`,
    `report found: ${percent(score.whole.found)}`,
    `names the function (first report's title or guilty frame, where expected_function is given): ${percent(score.whole.namesFunction)}`,
    `names the module (guilty frame's module, a suspect module or a [module] in the title, where expected_module is given): ${percent(score.whole.namesModule)}`,
    `exceptions: ${score.exceptions.length}`,
  ];
  if (score.missing.length) lines.push(`listed but missing: ${score.missing.join(', ')}`);
  if (score.unlisted.length) lines.push(`not in the manifest, skipped: ${score.unlisted.join(', ')}`);
  lines.push('', 'by arch:', ...arches.map(([arch, totals]) => totalsLine(arch, totals)), '');
  lines.push(`per file: ${'file'.padEnd(52)} ${'arch'.padEnd(8)} found ${'title'.padEnd(60)} ${'guilty'.padEnd(30)} expected`);
  lines.push(...score.results.map(printFile));
  for (const exception of score.exceptions) lines.push(`EXCEPTION ${exception}`);
  return lines;
}

function printFile(result: PasteFileResult): string {
  const report = result.reports[0];
  const { entry } = result;
  const expected = [
    entry.functions.length ? `${entry.functions.join('|')} ${mark(result.namesFunction)}` : '',
    entry.modules.length ? `module ${entry.modules.join('|')} ${mark(result.namesModule)}` : '',
  ].filter(Boolean);
  return [
    '         ',
    cell(entry.file, 52),
    cell(entry.arch, 8),
    cell(result.found ? 'yes' : 'NO', 5),
    cell(report?.title, 60),
    cell(report?.guiltyFrame, 30),
    expected.join('; ') || '-',
  ].join(' ');
}
