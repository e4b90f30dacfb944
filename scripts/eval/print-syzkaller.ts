import type { CorpusHalvesScore } from './evaluate-corpus.ts';
import { percent, type Ratio } from './ratio.ts';
import type { CorpusMiss, CorpusScore } from './score-corpus.ts';

const points = (a: Ratio, b: Ratio) => (a.total === 0 || b.total === 0 ? 0 : (100 * a.correct) / a.total - (100 * b.correct) / b.total);

/** The syzkaller corpus report: the whole corpus, then each half, then the misses by half. */
export function printSyzkaller(dir: string, { whole, odd, even }: CorpusHalvesScore): string[] {
  const types = [...whole.byType].sort((a, b) => b[1].total - a[1].total || a[0].localeCompare(b[0]));
  const rows: Array<[string, (score: CorpusScore) => Ratio]> = [
    ['crash/no-crash detection', (score) => score.detection],
    ['exact title, kernel crashes', (score) => score.kernelTitles],
    ['exact title, fuzzing-machine reports', (score) => score.fuzzerTitles],
    ['crash class', (score) => score.classes],
    ['guilty frame (where FRAME: is given)', (score) => score.frames],
  ];
  const gap = points(odd.kernelTitles, even.kernelTitles);
  const lines = [
    `corpus: ${dir} (${whole.files} files, ${(whole.bytes / 1e6).toFixed(2)} MB)`,
    `crash/no-crash detection: ${percent(whole.detection)}`,
    `exact title, kernel crashes: ${percent(whole.kernelTitles)}`,
    `exact title, fuzzing-machine reports (scored apart): ${percent(whole.fuzzerTitles)}`,
    `crash class: ${percent(whole.classes)}`,
    `guilty frame (where FRAME: is given): ${percent(whole.frames)}`,
    `exceptions: ${whole.exceptions.length}`,
    `parser throughput: ${(whole.bytes / 1e6 / whole.seconds).toFixed(1)} MB/s (${(whole.seconds * 1000).toFixed(0)} ms in the parser)`,
    '',
    `by half (odd file numbers tune the parser, even ones measure it):`,
    `  ${''.padEnd(38)} ${'odd'.padEnd(20)} ${'even'.padEnd(20)}`,
    `  ${'files'.padEnd(38)} ${String(odd.files).padEnd(20)} ${String(even.files).padEnd(20)}`,
    ...rows.map(([label, pick]) => `  ${label.padEnd(38)} ${percent(pick(odd)).padEnd(20)} ${percent(pick(even)).padEnd(20)}`),
    `  gap on exact title, kernel crashes (odd − even): ${gap >= 0 ? '+' : ''}${gap.toFixed(1)} points`,
    '',
    `exact title by TYPE (${types.length} types):`,
    ...types.map(([type, bucket]) => `  ${type.padEnd(36)} ${percent(bucket)}`),
  ];
  for (const exception of whole.exceptions) lines.push(`EXCEPTION ${exception}`);
  const other = whole.misses.filter((miss) => miss.half === undefined);
  lines.push('', `misses (${whole.misses.length}: odd ${odd.misses.length}, even ${even.misses.length}${other.length ? `, unnumbered ${other.length}` : ''}):`);
  for (const [label, misses] of [['odd', odd.misses], ['even', even.misses], ['unnumbered', other]] as const) {
    if (misses.length === 0) continue;
    lines.push(`  ${label} half (${misses.length}):`);
    lines.push(...misses.map(printMiss));
  }
  return lines;
}

function printMiss(miss: CorpusMiss): string {
  return `  ${(miss.half ?? '-').padEnd(4)} ${miss.name.padEnd(10)} ${miss.kind.padEnd(9)} expected: ${miss.expected}  |  got: ${miss.got}`;
}
