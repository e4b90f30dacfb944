// `npm run bench:parser -- [--dir D] [--iterations N]`: parser throughput on a crash corpus.
// Reads every file once, warms up, then times whole passes over the corpus and prints what it
// measured: MB/s per pass (median, min, max) and the time per file. No thresholds: read the numbers.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseCorpusFile } from './eval/parse-corpus-file.ts';
import { parseOops } from '../src/lib/oops/parse-oops.ts';

const args = process.argv.slice(2);
const option = (name: string) => {
  const at = args.indexOf(name);
  return at >= 0 ? args[at + 1] : undefined;
};
const shared = path.resolve('../shared/corpus/syzkaller-linux');
const fallback = path.resolve('tests/fixtures/oops/corpus');
const dir = path.resolve(option('--dir') ?? (existsSync(shared) ? shared : fallback));
const iterations = Math.max(1, Number(option('--iterations') ?? 10));

const decoder = new TextDecoder('utf-8', { fatal: false });
const logs = readdirSync(dir)
  .filter((name) => !name.startsWith('.') && !name.endsWith('.md'))
  .map((name) => parseCorpusFile(decoder.decode(readFileSync(path.join(dir, name)))).log);
if (logs.length === 0) {
  console.error(`no corpus files in ${dir}`);
  process.exit(2);
}
const bytes = logs.reduce((sum, log) => sum + Buffer.byteLength(log), 0);

function pass(): number {
  const started = performance.now();
  let reports = 0;
  for (const log of logs) reports += parseOops(log).length;
  if (reports < 0) console.log(reports); // keeps the work observable
  return (performance.now() - started) / 1000;
}

for (let warm = 0; warm < 3; warm++) pass();
const seconds = Array.from({ length: iterations }, pass).sort((a, b) => a - b);
const median = seconds[Math.floor(seconds.length / 2)]!;
const mbps = (time: number) => (bytes / 1e6 / time).toFixed(1);
console.log(`corpus: ${dir} (${logs.length} files, ${(bytes / 1e6).toFixed(2)} MB), ${iterations} timed passes after 3 warm-up passes`);
console.log(`throughput: median ${mbps(median)} MB/s, min ${mbps(seconds.at(-1)!)} MB/s, max ${mbps(seconds[0]!)} MB/s`);
console.log(`per file: median ${((median * 1000) / logs.length).toFixed(3)} ms (pass: median ${(median * 1000).toFixed(0)} ms, fastest ${(seconds[0]! * 1000).toFixed(0)} ms, slowest ${(seconds.at(-1)! * 1000).toFixed(0)} ms)`);
