import type { OopsReport } from '../../src/lib/oops/report-types.ts';
import { crashFreePatterns } from './abrt-readme.ts';
import type { CorpusFile } from './corpus-files.ts';
import { parseTimed } from './evaluate-corpus.ts';
import { ratio, tally, type Ratio } from './ratio.ts';
import { locateRight, readRightFile, type RightSpan } from './right-span.ts';

/**
 * Logs the README says hold several reports, with the number it gives ("`10_oopses.test`: ten
 * reports in one log"). Kept as data: the README states it in words, not in a form worth parsing.
 */
const EXPECTED_REPORT_COUNTS: Readonly<Record<string, number>> = { '10_oopses.test': 10 };

/** How our first report's lines compare with the report ABRT extracted (`NAME.right`). */
export interface SpanVerdict {
  right: string;
  /** ABRT's report located in the log; absent when its lines could not be found. */
  expected?: RightSpan;
  /** Reports ABRT says it found in the log. */
  declared?: number;
  start: boolean;
  end: boolean;
  /**
   * End matches once blank lines and a closing `---[ end trace … ]---` marker after ABRT's end
   * are allowed: ABRT leaves the marker out, the kernel prints it as the report's last line.
   */
  endLoose: boolean;
}

export interface AbrtFileResult {
  name: string;
  /** The README lists the log as holding no kernel crash. */
  crashFree: boolean;
  reports: OopsReport[];
  error?: string;
  seconds: number;
  expectedReports?: number;
  span?: SpanVerdict;
}

export interface AbrtScore {
  results: AbrtFileResult[];
  /** Crash logs with at least one report. */
  found: Ratio;
  /** Crash-free logs with at least one report, and how many reports they hold. */
  falseLogs: Ratio;
  falseReports: number;
  /** Logs whose report count the README gives, with the count right. */
  counts: Ratio;
  /** Crash logs with a `.right`: start line, end line, both (loose end), both (exact end). */
  spanStart: Ratio;
  spanEnd: Ratio;
  spanEndLoose: Ratio;
  spanBoth: Ratio;
  spanBothExact: Ratio;
  /** `.right` files with no log of the same name: nothing to score them against. */
  orphanRights: string[];
  /** `.right` files of crash-free logs (a user-space crash, or nothing): no kernel report to span. */
  crashFreeRights: string[];
  exceptions: string[];
}

const isRight = (name: string) => name.endsWith('.right');
const isLog = (name: string) => !isRight(name) && !/\.md$/i.test(name);
/** `oops5.test` and an extensionless `koops-tainted-bg1` both pair with `NAME.right`. */
const rightFor = (log: string) => `${log.replace(/\.test$/, '')}.right`;

/** Parses every log of the ABRT examples folder and compares with the README and `.right` files. */
export function evaluateAbrt(files: readonly CorpusFile[]): AbrtScore {
  const byName = new Map(files.map((file) => [file.name, file.source]));
  const readme = files.find((file) => /^readme\.md$/i.test(file.name))?.source ?? '';
  const crashFree = crashFreePatterns(readme);
  const logs = files.filter((file) => isLog(file.name));
  const logNames = new Set(logs.map((file) => file.name));
  const results = logs.map(({ name, source }): AbrtFileResult => {
    const parsed = parseTimed(source);
    const free = crashFree.some((pattern) => pattern.test(name));
    const result: AbrtFileResult = { name, crashFree: free, ...parsed };
    const count = EXPECTED_REPORT_COUNTS[name];
    if (count !== undefined) result.expectedReports = count;
    const right = byName.get(rightFor(name));
    if (!free && right !== undefined) result.span = judgeSpan(rightFor(name), right, source, parsed.reports[0]);
    return result;
  });
  return {
    results,
    ...tallyAbrt(results),
    orphanRights: files.filter((file) => isRight(file.name) && ![...logNames].some((log) => rightFor(log) === file.name)).map((file) => file.name),
    crashFreeRights: results.filter((result) => result.crashFree && byName.has(rightFor(result.name))).map((result) => rightFor(result.name)),
    exceptions: results.filter((result) => result.error).map((result) => `${result.name}: ${result.error}`),
  };
}

function judgeSpan(right: string, rightText: string, log: string, report: OopsReport | undefined): SpanVerdict {
  const extracted = readRightFile(rightText);
  const logLines = log.replace(/\r/g, '').split('\n');
  const expected = locateRight(logLines, extracted.lines);
  const verdict: SpanVerdict = {
    right,
    ...(expected ? { expected } : {}),
    ...(extracted.declared !== undefined ? { declared: extracted.declared } : {}),
    start: false,
    end: false,
    endLoose: false,
  };
  if (!expected || !report) return verdict;
  verdict.start = report.startLine === expected.startLine;
  verdict.end = report.endLine === expected.endLine;
  verdict.endLoose = verdict.end || onlyClosingLines(logLines.slice(expected.endLine, Math.max(expected.endLine, report.endLine)), report.endLine > expected.endLine);
  return verdict;
}

/** Lines after ABRT's end that are blank or the `---[ end trace` marker. */
function onlyClosingLines(lines: readonly string[], after: boolean): boolean {
  return after && lines.every((line) => line.trim() === '' || /---\[ end trace [0-9a-f]* ?\]---\s*$/.test(line));
}

function tallyAbrt(results: readonly AbrtFileResult[]) {
  const score = {
    found: ratio(),
    falseLogs: ratio(),
    falseReports: 0,
    counts: ratio(),
    spanStart: ratio(),
    spanEnd: ratio(),
    spanEndLoose: ratio(),
    spanBoth: ratio(),
    spanBothExact: ratio(),
  };
  for (const result of results) {
    if (result.crashFree) {
      tally(score.falseLogs, result.reports.length > 0);
      score.falseReports += result.reports.length;
    } else {
      tally(score.found, result.reports.length > 0);
    }
    if (result.expectedReports !== undefined) tally(score.counts, result.reports.length === result.expectedReports);
    const span = result.span;
    if (span) {
      tally(score.spanStart, span.start);
      tally(score.spanEnd, span.end);
      tally(score.spanEndLoose, span.endLoose);
      tally(score.spanBoth, span.start && span.endLoose);
      tally(score.spanBothExact, span.start && span.end);
    }
  }
  return score;
}
