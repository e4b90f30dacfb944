import { triageLog } from '../../src/lib/triage/triage-log.ts';
import { decodeTriageIndex } from '../../src/lib/triage/triage-index-file.ts';

/** Triage timings for one log against one index, in milliseconds. */
export interface TriageLatency {
  /** `JSON.parse` and decoding of the index file, as the triage page does once. */
  parseIndexMs: number;
  /** The first `triageLog` call (cold: regexes compiled, caches empty). */
  firstMs: number;
  medianMs: number;
  p95Ms: number;
  runs: number;
  /** Cases the log matched, to show the run did real work. */
  matches: number;
}

const percentile = (sorted: number[], fraction: number) => sorted[Math.min(sorted.length - 1, Math.ceil(fraction * sorted.length) - 1)] ?? Number.NaN;

/** Times `triageLog` (parse + symptom detection + ranking) on `log`, once cold and `runs` times warm. */
export function measureTriageLatency(indexJson: string, log: string, runs = 30): TriageLatency {
  let started = performance.now();
  const index = decodeTriageIndex(JSON.parse(indexJson));
  const parseIndexMs = performance.now() - started;
  started = performance.now();
  const first = triageLog(log, index);
  const firstMs = performance.now() - started;
  const warm: number[] = [];
  for (let run = 0; run < runs; run++) {
    started = performance.now();
    triageLog(log, index);
    warm.push(performance.now() - started);
  }
  warm.sort((a, b) => a - b);
  return { parseIndexMs, firstMs, medianMs: percentile(warm, 0.5), p95Ms: percentile(warm, 0.95), runs, matches: first.matches.length };
}
