// `npm run eval:corpus -- [--dir D]`: scores the oops parser against annotated crash logs and
// prints the rates, a breakdown by TYPE and every miss.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { evaluateCorpus } from '../src/lib/corpus/evaluate-corpus.ts';
import { percent } from '../src/lib/corpus/score-corpus.ts';

const args = process.argv.slice(2);
const dirArg = args.indexOf('--dir');
// The full annotated corpus when it sits next to the project, else the half checked in with the tests.
const shared = path.resolve('../shared/corpus/syzkaller-linux');
const dir = path.resolve(dirArg >= 0 && args[dirArg + 1] ? args[dirArg + 1]! : existsSync(shared) ? shared : 'tests/fixtures/oops/corpus');
const names = readdirSync(dir)
  .filter((name) => !name.startsWith('.') && !name.endsWith('.md'))
  .sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
if (names.length === 0) {
  console.error(`no corpus files in ${dir}`);
  process.exit(2);
}

// Some logs are not valid UTF-8; decode leniently, as a console would show them.
const decoder = new TextDecoder('utf-8', { fatal: false });
const files = names.map((name) => ({ name, source: decoder.decode(readFileSync(path.join(dir, name))) }));
const score = evaluateCorpus(files);
const types = [...score.byType].sort((a, b) => b[1].total - a[1].total || a[0].localeCompare(b[0]));
const lines = [
  `corpus: ${dir} (${score.files} files, ${(score.bytes / 1e6).toFixed(2)} MB)`,
  `crash/no-crash detection: ${percent(score.detection)}`,
  `exact title, kernel crashes: ${percent(score.kernelTitles)}`,
  `exact title, fuzzing-machine reports (scored apart): ${percent(score.fuzzerTitles)}`,
  `crash class: ${percent(score.classes)}`,
  `guilty frame (where FRAME: is given): ${percent(score.frames)}`,
  `exceptions: ${score.exceptions.length}`,
  `parser throughput: ${(score.bytes / 1e6 / score.seconds).toFixed(1)} MB/s (${(score.seconds * 1000).toFixed(0)} ms in the parser)`,
  '',
  `exact title by TYPE (${types.length} types):`,
  ...types.map(([type, bucket]) => `  ${type.padEnd(36)} ${percent(bucket)}`),
];
console.log(lines.join('\n'));
for (const exception of score.exceptions) console.log(`EXCEPTION ${exception}`);
console.log(`\nmisses (${score.misses.length}):`);
for (const miss of score.misses) console.log(`  ${miss.name.padEnd(10)} ${miss.kind.padEnd(9)} expected: ${miss.expected}  |  got: ${miss.got}`);
process.exitCode = score.exceptions.length > 0 ? 1 : 0;
