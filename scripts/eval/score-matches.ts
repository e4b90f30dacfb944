// Counts how many logs of a folder triage shows a case for as a `match`, and on what evidence.
// None of the corpus logs is one of the cases' incidents, so on a corpus every `match` is a false
// one unless it shares something specific with the case.
//
//   npx node scripts/eval/score-matches.ts --dir /work/shared/corpus/github-pastes [--all]
//
// prints one line per log that shows a match (`--all`: per log, also those with none) and a
// summary line.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { loadSiteGraph } from '../../src/cli/load-site-graph.ts';
import { buildTriageIndex } from '../../src/lib/triage/build-triage-index.ts';
import type { TriageIndex } from '../../src/lib/triage/triage-index.ts';
import { triageLog } from '../../src/lib/triage/triage-log.ts';

export interface LogMatches {
  file: string;
  /** Cases shown as `match`, with the reasons given for each. */
  matches: Array<{ case: string; score: number; reasons: string[] }>;
  /** Cases shown as `related` only. */
  related: string[];
  /** Whether the parser found a kernel crash report in the log. */
  reports: number;
}

export interface MatchScore {
  logs: number;
  /** Logs that show at least one case as `match`. */
  withMatch: number;
  /** Logs that show cases as `related` and none as `match`. */
  relatedOnly: number;
  perLog: LogMatches[];
}

/** The index the `oopsbook triage` command matches against: built from this repository's content. */
export function loadRepositoryIndex(): TriageIndex {
  return buildTriageIndex(loadSiteGraph(() => undefined));
}

/** Triage every log and count the cases shown as `match`; a result without strengths counts every listed case. */
export function scoreMatches(logs: ReadonlyArray<{ file: string; text: string }>, index: TriageIndex = loadRepositoryIndex()): MatchScore {
  const perLog = logs.map(({ file, text }): LogMatches => {
    const result = triageLog(text, index);
    const strength = (match: object) => ('strength' in match ? (match as { strength: string }).strength : 'match');
    return {
      file,
      matches: result.matches.filter((match) => strength(match) === 'match').map((match) => ({ case: match.case, score: match.score, reasons: match.reasons })),
      related: result.matches.filter((match) => strength(match) !== 'match').map((match) => match.case),
      reports: result.reports.length,
    };
  });
  return {
    logs: perLog.length,
    withMatch: perLog.filter((log) => log.matches.length > 0).length,
    relatedOnly: perLog.filter((log) => log.matches.length === 0 && log.related.length > 0).length,
    perLog,
  };
}

/** The logs of a corpus folder: every file but its READMEs, manifests and expected-output files. */
export function readLogDir(dir: string): Array<{ file: string; text: string }> {
  const decoder = new TextDecoder('utf-8', { fatal: false });
  return readdirSync(dir)
    .filter((name) => !/\.(?:md|tsv|right|json)$/.test(name) && statSync(path.join(dir, name)).isFile())
    .sort()
    .map((name) => ({ file: name, text: decoder.decode(readFileSync(path.join(dir, name))) }));
}

if (import.meta.main) {
  const args = process.argv.slice(2);
  const dirAt = args.indexOf('--dir');
  const dir = dirAt >= 0 ? args[dirAt + 1] : undefined;
  if (!dir) {
    process.stderr.write('usage: npx node scripts/eval/score-matches.ts --dir DIR [--all]\n');
    process.exit(2);
  }
  const score = scoreMatches(readLogDir(dir));
  for (const log of score.perLog) {
    if (log.matches.length === 0 && !args.includes('--all')) continue;
    const shown = log.matches.map((match) => `${match.case} (${match.score}: ${match.reasons.join('; ')})`);
    process.stdout.write(`${log.file}\t${log.reports} report(s)\t${shown.length > 0 ? `match: ${shown.join(' | ')}` : 'no match'}${log.related.length > 0 ? `\trelated: ${log.related.join(', ')}` : ''}\n`);
  }
  process.stdout.write(`${dir}: ${score.withMatch} of ${score.logs} logs show a case as match; ${score.relatedOnly} more show related cases only\n`);
}
