// Learns which stack symbols, modules, symptoms and log lines are generic: seen in so many
// unrelated crash logs that sharing them says nothing about which bug a paste is. It parses every
// log of the shared corpora (syzkaller's annotated crashes, ABRT's distribution logs, pasted
// GitHub reports) and writes, per corpus, in how many logs each appears. The triage ranker weighs
// shared evidence by that instead of by a hand-kept list of "boring" frames.
//
//   npx node scripts/learn-generic-frames.ts [--half odd|even] [--out FILE] [CORPUS_DIR...]
//
// With no folder it reads /work/shared/corpus/{syzkaller-linux,abrt-examples,github-pastes}, or,
// where that is absent, the project's copies under tests/fixtures/oops/. It writes
// src/lib/triage/generic-frames.json (commit it with the change that made it differ). `--half`
// learns from every other log only (by sorted name; odd = 1st, 3rd, …), so the other half can
// measure the ranker on logs it did not learn from; use it with `--out` to a scratch file.
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadSiteGraph } from '../src/cli/load-site-graph.ts';
import { findSymbolMentions } from '../src/lib/oops/frames.ts';
import { toLogLines } from '../src/lib/oops/log-lines.ts';
import { parseOops } from '../src/lib/oops/parse-oops.ts';
import { buildTriageIndex } from '../src/lib/triage/build-triage-index.ts';
import { detectSymptoms } from '../src/lib/triage/detect-symptoms.ts';
import type { CorpusFrequency } from '../src/lib/triage/generic-frames.ts';
import { isUsableTemplate, lineTemplate } from '../src/lib/triage/line-template.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const shared = ['syzkaller-linux', 'abrt-examples', 'github-pastes'].map((name) => path.join('/work/shared/corpus', name));
const fixtures = [path.join(root, 'tests/fixtures/oops/corpus'), path.join(root, 'tests/fixtures/oops')];

/** Seen in fewer logs than this over all corpora: left out, read as never seen. */
const MINIMUM_LOGS = 2;
/**
 * A symbol in at least this share of the logs showing one symptom (of at least `CLASS_LOGS`
 * logs) is part of how that kind of crash is reported (`bad_page` in bad page state reports,
 * `__check_heap_object` in usercopy reports), however rare the kind is.
 */
const CLASS_SHARE = 0.5;
const CLASS_LOGS = 3;

/** The logs of a corpus folder: every file but READMEs, manifests and expected outputs. */
export function corpusLogs(dir: string): string[] {
  return readdirSync(dir)
    .filter((name) => !/\.(?:md|tsv|right|json)$/.test(name) && statSync(path.join(dir, name)).isFile())
    .sort()
    .map((name) => path.join(dir, name));
}

const args = process.argv.slice(2);
const option = (name: string) => {
  const at = args.indexOf(name);
  if (at < 0) return undefined;
  const value = args[at + 1];
  args.splice(at, 2);
  return value;
};
const half = option('--half');
const output = path.resolve(option('--out') ?? path.join(root, 'src/lib/triage/generic-frames.json'));
if (half !== undefined && half !== 'odd' && half !== 'even') throw new Error('--half takes odd or even');
const dirs = args.length > 0 ? args : shared.every((dir) => existsSync(dir)) ? shared : fixtures;
const index = buildTriageIndex(loadSiteGraph(() => undefined));
const decoder = new TextDecoder('utf-8', { fatal: false });

const tables = { symbols: new Map<string, number[]>(), modules: new Map<string, number[]>(), symptoms: new Map<string, number[]>(), lines: new Map<string, number[]>() };
const count = (table: Map<string, number[]>, keys: Iterable<string>, corpus: number) => {
  for (const key of keys) {
    const counts = table.get(key) ?? dirs.map(() => 0);
    counts[corpus] = (counts[corpus] ?? 0) + 1;
    table.set(key, counts);
  }
};
const corpora: CorpusFrequency['corpora'] = [];
/** Symptom → logs showing it, and symbol → logs showing both. */
const symptomLogs = new Map<string, number>();
const withSymptom = new Map<string, Map<string, number>>();

dirs.forEach((dir, corpus) => {
  const files = corpusLogs(dir).filter((_, position) => half === undefined || position % 2 === (half === 'odd' ? 0 : 1));
  let withReport = 0;
  for (const file of files) {
    const text = decoder.decode(readFileSync(file));
    const reports = parseOops(text);
    const lines = toLogLines(text).map((line) => line.text);
    const seenSymptoms = new Set(detectSymptoms(lines, index).map((symptom) => symptom.id));
    count(tables.symptoms, seenSymptoms, corpus);
    count(tables.lines, new Set(lines.filter((line) => line.length <= 2000).map(lineTemplate).filter(isUsableTemplate)), corpus);
    // Functions named anywhere count, as they do in matching: pasted OOM and allocation-failure
    // reports often hold their stacks outside any report the parser recognises.
    const symbols = new Set(findSymbolMentions(text));
    for (const report of reports) {
      for (const frame of report.frames) symbols.add(frame.normalized);
      if (report.guiltyFrame) symbols.add(report.guiltyFrame);
    }
    count(tables.symbols, symbols, corpus);
    for (const symptom of seenSymptoms) {
      symptomLogs.set(symptom, (symptomLogs.get(symptom) ?? 0) + 1);
      const both = withSymptom.get(symptom) ?? new Map<string, number>();
      for (const symbol of symbols) both.set(symbol, (both.get(symbol) ?? 0) + 1);
      withSymptom.set(symptom, both);
    }
    count(tables.modules, new Set(reports.flatMap((report) => report.frames.map((frame) => frame.module).filter((name): name is string => name !== undefined))), corpus);
    if (reports.length > 0) withReport++;
  }
  corpora.push({ name: path.basename(dir), logs: files.length, withReport });
});

const kept = (table: Map<string, number[]>) =>
  Object.fromEntries(
    [...table]
      .map(([key, counts]) => ({ key, counts, total: counts.reduce((sum, value) => sum + value, 0) }))
      .filter((entry) => entry.total >= MINIMUM_LOGS)
      .sort((a, b) => b.total - a.total || (a.key < b.key ? -1 : 1))
      .map((entry) => [entry.key, entry.counts]),
  );

const classFrames: CorpusFrequency['classFrames'] = {};
for (const [symptom, logs] of [...symptomLogs].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
  if (logs < CLASS_LOGS) continue;
  for (const [symbol, both] of withSymptom.get(symptom) ?? []) {
    const current = classFrames[symbol];
    if (both / logs >= CLASS_SHARE && (!current || both / logs > current[1] / current[2])) classFrames[symbol] = [symptom, both, logs];
  }
}

const data: CorpusFrequency = {
  about: 'Per corpus (in the order of `corpora`), in how many logs each stack symbol, frame module, symptom and log-line template appears. The triage ranker counts evidence common across unrelated crashes as generic.',
  regenerate: ['npx node scripts/learn-generic-frames.ts', ...(half ? ['--half', half] : []), ...args].join(' '),
  corpora,
  minimumLogs: MINIMUM_LOGS,
  symbols: kept(tables.symbols),
  modules: kept(tables.modules),
  symptoms: kept(tables.symptoms),
  lines: kept(tables.lines),
  classFrames: Object.fromEntries(Object.entries(classFrames).sort((a, b) => (a[0] < b[0] ? -1 : 1))),
};
// One entry per line: the file stays reviewable in a diff.
const body = (['symbols', 'modules', 'symptoms', 'lines', 'classFrames'] as const)
  .map((table) => `  ${JSON.stringify(table)}: {\n${Object.entries(data[table]).map(([key, counts]) => `    ${JSON.stringify(key)}: ${JSON.stringify(counts)}`).join(',\n')}\n  }`)
  .join(',\n');
const head = (['about', 'regenerate', 'corpora', 'minimumLogs'] as const).map((key) => `  ${JSON.stringify(key)}: ${JSON.stringify(data[key])}`).join(',\n');
writeFileSync(output, `{\n${head},\n${body}\n}\n`);
process.stdout.write(`${path.relative(root, output)}: ${corpora.map((corpus) => `${corpus.name} ${corpus.logs} logs`).join(', ')}; kept ${Object.keys(data.symbols).length} symbols, ${Object.keys(data.modules).length} modules, ${Object.keys(data.symptoms).length} symptoms, ${Object.keys(data.lines).length} line templates\n`);
