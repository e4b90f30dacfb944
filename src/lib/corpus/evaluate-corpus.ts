import { parseOops } from '../oops/parse-oops.ts';
import { parseCorpusFile } from './parse-corpus-file.ts';
import { scoreCorpus, type CorpusOutcome, type CorpusScore } from './score-corpus.ts';

/** One annotated corpus file, already read and decoded. */
export interface CorpusFile {
  name: string;
  source: string;
}

/** Parses every file's log, timing the parser alone, and scores the first report of each. */
export function evaluateCorpus(files: readonly CorpusFile[]): CorpusScore {
  let bytes = 0;
  const encoder = new TextEncoder();
  const outcomes: CorpusOutcome[] = files.map(({ name, source }) => {
    const expected = parseCorpusFile(source);
    bytes += encoder.encode(expected.log).length;
    const started = performance.now();
    try {
      const [report] = parseOops(expected.log);
      return { name, expected, ...(report ? { report } : {}), seconds: (performance.now() - started) / 1000 };
    } catch (error) {
      return { name, expected, error: (error as Error).stack ?? String(error), seconds: (performance.now() - started) / 1000 };
    }
  });
  return scoreCorpus(outcomes, bytes);
}
