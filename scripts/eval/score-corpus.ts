import type { OopsReport } from '../../src/lib/oops/report-types.ts';
import { titleSymbol } from '../../src/lib/oops/title-symbol.ts';
import type { CorpusHalf } from './corpus-half.ts';
import { isFuzzerMachineTitle, type CorpusCase } from './parse-corpus-file.ts';
import { ratio, tally, type Ratio } from './ratio.ts';

/** What the parser made of one annotated file. */
export interface CorpusOutcome {
  name: string;
  expected: CorpusCase;
  /** Every report found, in log order; the first is the one scored. */
  reports: OopsReport[];
  error?: string;
  /** Seconds spent parsing. */
  seconds: number;
  /** UTF-8 size of the log. */
  bytes: number;
}

/**
 * One file's verdicts. A check that does not apply to the file (no crash, no `TYPE:`, no
 * `FRAME:`) is absent, so per-file results can be counted the same way at any grouping.
 */
export interface CorpusFileResult extends CorpusOutcome {
  half?: CorpusHalf;
  /** First report, when there is one. */
  report?: OopsReport;
  detection: boolean;
  /** Exact title, on a file whose title is about a kernel crash. */
  kernelTitle?: boolean;
  /** Exact title, on a file whose title is about the fuzzing machine itself. */
  fuzzerTitle?: boolean;
  crashClass?: boolean;
  frame?: boolean;
}

export interface CorpusMiss {
  name: string;
  half?: CorpusHalf;
  expected: string;
  got: string;
  kind: 'detection' | 'title';
}

export interface CorpusScore {
  files: number;
  exceptions: string[];
  detection: Ratio;
  kernelTitles: Ratio;
  fuzzerTitles: Ratio;
  classes: Ratio;
  frames: Ratio;
  byType: Map<string, Ratio>;
  misses: CorpusMiss[];
  bytes: number;
  seconds: number;
}

/** Judges one file's first report against the expected answers. */
export function judgeCorpusFile(outcome: CorpusOutcome, half?: CorpusHalf): CorpusFileResult {
  const { expected, reports } = outcome;
  const report = reports[0];
  const crash = expected.title !== undefined;
  const result: CorpusFileResult = {
    ...outcome,
    ...(half ? { half } : {}),
    ...(report ? { report } : {}),
    detection: crash === (report !== undefined),
  };
  if (expected.title === undefined) return result;
  const exact = report?.title === expected.title;
  if (isFuzzerMachineTitle(expected.title)) result.fuzzerTitle = exact;
  else result.kernelTitle = exact;
  if (expected.type) result.crashClass = report?.crashClass === expected.type;
  if (expected.frame) result.frame = report !== undefined && sameFrame(report, expected.frame);
  return result;
}

/** Adds up per-file verdicts. */
export function scoreCorpus(results: readonly CorpusFileResult[]): CorpusScore {
  const score: CorpusScore = {
    files: results.length,
    exceptions: [],
    detection: ratio(),
    kernelTitles: ratio(),
    fuzzerTitles: ratio(),
    classes: ratio(),
    frames: ratio(),
    byType: new Map(),
    misses: [],
    bytes: 0,
    seconds: 0,
  };
  for (const result of results) {
    score.seconds += result.seconds;
    score.bytes += result.bytes;
    if (result.error) score.exceptions.push(`${result.name}: ${result.error}`);
    const { expected, report, half } = result;
    const where = { name: result.name, ...(half ? { half } : {}) };
    tally(score.detection, result.detection);
    if (!result.detection) {
      score.misses.push({ ...where, expected: expected.title ?? '(no crash)', got: report?.title ?? '(no crash)', kind: 'detection' });
    }
    if (expected.title === undefined) continue;
    const exact = result.kernelTitle ?? result.fuzzerTitle ?? false;
    tally(result.kernelTitle === undefined ? score.fuzzerTitles : score.kernelTitles, exact);
    const type = expected.type ?? '(none)';
    const bucket = score.byType.get(type) ?? ratio();
    score.byType.set(type, bucket);
    tally(bucket, exact);
    if (!exact && report) score.misses.push({ ...where, expected: expected.title, got: report.title, kind: 'title' });
    if (result.crashClass !== undefined) tally(score.classes, result.crashClass);
    if (result.frame !== undefined) tally(score.frames, result.frame);
  }
  return score;
}

/** `FRAME:` is written as in titles (`mremap` for `__do_sys_mremap`), `corrupted` when none can be named. */
function sameFrame(report: OopsReport, frame: string): boolean {
  if (frame === 'corrupted') return report.guiltyFrame === undefined || report.corrupted;
  return report.guiltyFrame !== undefined && (report.guiltyFrame === frame || titleSymbol(report.guiltyFrame) === frame);
}
