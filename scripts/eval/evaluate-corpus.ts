import { parseOops } from '../../src/lib/oops/parse-oops.ts';
import type { OopsReport } from '../../src/lib/oops/report-types.ts';
import type { CorpusFile } from './corpus-files.ts';
import { corpusHalf } from './corpus-half.ts';
import { parseCorpusFile, type CorpusCase } from './parse-corpus-file.ts';
import { judgeCorpusFile, scoreCorpus, type CorpusFileResult, type CorpusScore } from './score-corpus.ts';

/** An annotated file with its header already read. */
export interface AnnotatedFile {
  name: string;
  expected: CorpusCase;
}

const encoder = new TextEncoder();

/** Runs the parser on one log, timing the parser alone; an exception is recorded, not thrown. */
export function parseTimed(log: string): { reports: OopsReport[]; error?: string; seconds: number } {
  const started = performance.now();
  try {
    const reports = parseOops(log);
    return { reports, seconds: (performance.now() - started) / 1000 };
  } catch (error) {
    return { reports: [], error: (error as Error).stack ?? String(error), seconds: (performance.now() - started) / 1000 };
  }
}

export function annotate(files: readonly CorpusFile[]): AnnotatedFile[] {
  return files.map(({ name, source }) => ({ name, expected: parseCorpusFile(source) }));
}

/**
 * Parses every file's log and judges its first report: one result per file, tagged with its
 * half, keeping all reports so other scores (e.g. triage) can be added per file.
 */
export function evaluateCorpusFiles(files: readonly AnnotatedFile[]): CorpusFileResult[] {
  return files.map(({ name, expected }) => {
    const parsed = parseTimed(expected.log);
    return judgeCorpusFile({ name, expected, ...parsed, bytes: encoder.encode(expected.log).length }, corpusHalf(name));
  });
}

/** The whole corpus scored, and each half (odd and even file numbers) apart. */
export interface CorpusHalvesScore {
  whole: CorpusScore;
  odd: CorpusScore;
  even: CorpusScore;
  results: CorpusFileResult[];
}

export function evaluateCorpus(files: readonly CorpusFile[]): CorpusHalvesScore {
  const results = evaluateCorpusFiles(annotate(files));
  return {
    whole: scoreCorpus(results),
    odd: scoreCorpus(results.filter((result) => result.half === 'odd')),
    even: scoreCorpus(results.filter((result) => result.half === 'even')),
    results,
  };
}
