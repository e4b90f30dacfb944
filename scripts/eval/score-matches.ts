// Counts how many logs of a folder triage shows a case for as a `match`, and on what evidence.
// None of the corpus logs is one of the cases' incidents, so on a corpus every `match` is a false
// one unless it shares something specific with the case.
//
//   npx node scripts/eval/score-matches.ts --dir /work/shared/corpus/github-pastes [--all]
//       [--half odd|even] [--frequency FILE]
//
// prints one line per log that shows a match (`--all`: per log, also those with none) and a
// summary line. The committed commonness figures were learned from these corpora; to measure on
// logs they were not learned from, learn from one half and score the other:
//   npx node scripts/learn-generic-frames.ts --half odd --out /tmp/odd.json
//   npx node scripts/eval/score-matches.ts --dir D --half even --frequency /tmp/odd.json
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { loadSiteGraph } from '../../src/cli/load-site-graph.ts';
import { buildTriageIndex } from '../../src/lib/triage/build-triage-index.ts';
import { asCorpusFrequency, type CorpusFrequency } from '../../src/lib/triage/generic-frames.ts';
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

/** The index the `oopsbook triage` command matches against: built from this repository's content (with other commonness figures if given). */
export function loadRepositoryIndex(frequency?: CorpusFrequency): TriageIndex {
  return buildTriageIndex(loadSiteGraph(() => undefined), frequency);
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

/** The logs of a corpus folder: every file but its READMEs, manifests and expected-output files; `half` keeps every other one by sorted name. */
export function readLogDir(dir: string, half?: 'odd' | 'even'): Array<{ file: string; text: string }> {
  const decoder = new TextDecoder('utf-8', { fatal: false });
  return readdirSync(dir)
    .filter((name) => !/\.(?:md|tsv|right|json)$/.test(name) && statSync(path.join(dir, name)).isFile())
    .sort()
    .filter((_, position) => half === undefined || position % 2 === (half === 'odd' ? 0 : 1))
    .map((name) => ({ file: name, text: decoder.decode(readFileSync(path.join(dir, name))) }));
}

if (import.meta.main) {
  const args = process.argv.slice(2);
  const option = (name: string) => {
    const at = args.indexOf(name);
    return at >= 0 ? args[at + 1] : undefined;
  };
  const dir = option('--dir');
  const half = option('--half');
  const frequencyFile = option('--frequency');
  if (!dir || (half !== undefined && half !== 'odd' && half !== 'even')) {
    process.stderr.write('usage: npx node scripts/eval/score-matches.ts --dir DIR [--all] [--half odd|even] [--frequency FILE]\n');
    process.exit(2);
  }
  const frequency = frequencyFile ? asCorpusFrequency(JSON.parse(readFileSync(frequencyFile, 'utf8'))) : undefined;
  const score = scoreMatches(readLogDir(dir, half), loadRepositoryIndex(frequency));
  for (const log of score.perLog) {
    if (log.matches.length === 0 && !args.includes('--all')) continue;
    const shown = log.matches.map((match) => `${match.case} (${match.score}: ${match.reasons.join('; ')})`);
    process.stdout.write(`${log.file}\t${log.reports} report(s)\t${shown.length > 0 ? `match: ${shown.join(' | ')}` : 'no match'}${log.related.length > 0 ? `\trelated: ${log.related.join(', ')}` : ''}\n`);
  }
  process.stdout.write(`${dir}: ${score.withMatch} of ${score.logs} logs show a case as match; ${score.relatedOnly} more show related cases only\n`);
}
