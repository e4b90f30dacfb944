import type { OopsReport } from '../oops/report-types.ts';
import { titleSymbol } from '../oops/title-symbol.ts';
import { isFuzzerMachineTitle, type CorpusCase } from './parse-corpus-file.ts';

export interface CorpusOutcome {
  name: string;
  expected: CorpusCase;
  report?: OopsReport;
  error?: string;
  /** Seconds spent parsing. */
  seconds: number;
}

export interface CorpusScore {
  files: number;
  exceptions: string[];
  detection: { correct: number; total: number };
  kernelTitles: { correct: number; total: number };
  fuzzerTitles: { correct: number; total: number };
  classes: { correct: number; total: number };
  frames: { correct: number; total: number };
  byType: Map<string, { correct: number; total: number }>;
  misses: Array<{ name: string; expected: string; got: string; kind: 'detection' | 'title' }>;
  bytes: number;
  seconds: number;
}

const ratio = () => ({ correct: 0, total: 0 });

/** Scores parser outcomes against the expected answers. */
export function scoreCorpus(outcomes: readonly CorpusOutcome[], bytes: number): CorpusScore {
  const score: CorpusScore = {
    files: outcomes.length,
    exceptions: [],
    detection: ratio(),
    kernelTitles: ratio(),
    fuzzerTitles: ratio(),
    classes: ratio(),
    frames: ratio(),
    byType: new Map(),
    misses: [],
    bytes,
    seconds: 0,
  };
  for (const outcome of outcomes) {
    score.seconds += outcome.seconds;
    if (outcome.error) score.exceptions.push(`${outcome.name}: ${outcome.error}`);
    const { expected, report } = outcome;
    const crash = expected.title !== undefined;
    score.detection.total++;
    if (crash === (report !== undefined)) score.detection.correct++;
    else score.misses.push({ name: outcome.name, expected: expected.title ?? '(no crash)', got: report?.title ?? '(no crash)', kind: 'detection' });
    if (!crash || expected.title === undefined) continue;

    const titles = isFuzzerMachineTitle(expected.title) ? score.fuzzerTitles : score.kernelTitles;
    const type = expected.type ?? '(none)';
    const bucket = score.byType.get(type) ?? ratio();
    score.byType.set(type, bucket);
    titles.total++;
    bucket.total++;
    if (report?.title === expected.title) {
      titles.correct++;
      bucket.correct++;
    } else if (report) {
      score.misses.push({ name: outcome.name, expected: expected.title, got: report.title, kind: 'title' });
    }
    if (expected.type) {
      score.classes.total++;
      if (report?.crashClass === expected.type) score.classes.correct++;
    }
    if (expected.frame) {
      score.frames.total++;
      if (report && sameFrame(report, expected.frame)) score.frames.correct++;
    }
  }
  return score;
}

export const percent = ({ correct, total }: { correct: number; total: number }) =>
  total === 0 ? 'n/a' : `${((100 * correct) / total).toFixed(1)}% (${correct}/${total})`;

/** `FRAME:` is written as in titles (`mremap` for `__do_sys_mremap`), `corrupted` when none can be named. */
function sameFrame(report: OopsReport, frame: string): boolean {
  if (frame === 'corrupted') return report.guiltyFrame === undefined || report.corrupted;
  return report.guiltyFrame !== undefined && (report.guiltyFrame === frame || titleSymbol(report.guiltyFrame) === frame);
}
