import { percent } from './ratio.ts';
import type { AbrtFileResult, AbrtScore } from './score-abrt.ts';

const cell = (value: string | undefined, width: number) => {
  const text = value ?? '-';
  return (text.length > width ? `${text.slice(0, width - 1)}…` : text).padEnd(width);
};

/** The ABRT examples report: totals, then one line per log. */
export function printAbrt(dir: string, score: AbrtScore): string[] {
  const free = score.results.filter((result) => result.crashFree).map((result) => result.name);
  const counted = score.results.filter((result) => result.expectedReports !== undefined);
  const lines = [
    `corpus: ${dir} (abrt examples: ${score.results.length} logs, ${free.length} of them crash-free per README)`,
    `crashes found (crash logs with a report): ${percent(score.found)}`,
    `false reports (crash-free logs with a report): ${score.falseLogs.correct} of ${score.falseLogs.total} logs, ${score.falseReports} reports`,
    `report count where the README gives one: ${percent(score.counts)}${counted.map((result) => ` [${result.name}: ${result.reports.length} of ${result.expectedReports}]`).join('')}`,
    `first report spans ABRT's extracted report (.right), crash logs with one:`,
    `  start line: ${percent(score.spanStart)}`,
    `  end line, exact: ${percent(score.spanEnd)}`,
    `  end line, allowing blank lines and a closing ---[ end trace ]--- after ABRT's end: ${percent(score.spanEndLoose)}`,
    `  both (loose end): ${percent(score.spanBoth)}; both (exact end): ${percent(score.spanBothExact)}`,
    `  (ABRT's lines are found in the log by suffix: blanks squeezed, each log line must end with the`,
    `   extracted line after a prefix that ends in ']', '>', ':' or a blank; lines in order, ≤60 apart)`,
    `crash-free per README: ${free.join(', ')}`,
    `.right files without a log of the same name, skipped: ${score.orphanRights.join(', ') || 'none'}`,
    `.right files of crash-free logs, not span-scored: ${score.crashFreeRights.join(', ') || 'none'}`,
    `exceptions: ${score.exceptions.length}`,
    '',
    `per log: ${'log'.padEnd(30)} ${'n'.padEnd(3)} ${'title'.padEnd(58)} ${'guilty'.padEnd(28)} taint  mods  ours     abrt     span`,
    ...score.results.map(printFile),
  ];
  for (const exception of score.exceptions) lines.push(`EXCEPTION ${exception}`);
  return lines;
}

function printFile(result: AbrtFileResult): string {
  const report = result.reports[0];
  const span = result.span;
  const expected = span?.expected ? `${span.expected.startLine}-${span.expected.endLine}` : span ? 'not found' : '';
  const verdict = !span
    ? result.crashFree
      ? result.reports.length === 0 ? 'crash-free, none reported' : 'crash-free, FALSE REPORT'
      : ''
    : span.start && span.end
      ? 'same'
      : span.start && span.endLoose
        ? 'same (end trace)'
        : `${span.start ? '' : 'start differs '}${span.endLoose ? '' : 'end differs'}`.trim();
  const unmatched = span?.expected?.unmatched ? ` (${span.expected.unmatched} .right line(s) not in log)` : '';
  return [
    '         ',
    cell(result.name, 30),
    cell(String(result.reports.length), 3),
    cell(report?.title ?? (result.crashFree ? '' : '(none found)'), 58),
    cell(report?.guiltyFrame, 28),
    // `-`: no Tainted: field read; `none`: read, no flag set.
    cell(report?.taint ? report.taint.letters || 'none' : '-', 6),
    cell(report ? String(report.modules.length) : '-', 5),
    cell(report ? `${report.startLine}-${report.endLine}` : '-', 8),
    cell(expected || '-', 8),
    `${verdict}${unmatched}`,
  ].join(' ');
}
