// `npm run eval:corpus -- [--dir D | --corpus syzkaller|abrt|github-pastes]`: scores the oops
// parser against a folder of real crash logs and prints the rates and every miss. The folder's
// kind is detected from what it holds (see detect-corpus-format.ts). Without --dir, the shared
// corpus next to the project is used when present, else the project's copy under tests/fixtures.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { readCorpusDir } from './corpus-files.ts';
import { detectCorpusFormat, type CorpusFormat } from './detect-corpus-format.ts';
import { evaluateCorpus } from './evaluate-corpus.ts';
import { printAbrt } from './print-abrt.ts';
import { printPastes } from './print-github-pastes.ts';
import { printSyzkaller } from './print-syzkaller.ts';
import { evaluateAbrt } from './score-abrt.ts';
import { evaluatePastes } from './score-github-pastes.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
/** Where each corpus lives: shared beside the project, and the copy the tests read. */
const locations: Record<CorpusFormat, { shared: string; fixture: string }> = {
  syzkaller: { shared: '../shared/corpus/syzkaller-linux', fixture: 'tests/fixtures/oops/corpus' },
  abrt: { shared: '../shared/corpus/abrt-examples', fixture: 'tests/fixtures/oops/abrt-examples' },
  'github-pastes': { shared: '../shared/corpus/github-pastes', fixture: 'tests/fixtures/oops/github-pastes' },
};

const args = process.argv.slice(2);
const option = (name: string) => {
  const at = args.indexOf(name);
  return at >= 0 ? args[at + 1] : undefined;
};
const corpus = option('--corpus') ?? 'syzkaller';
if (!(corpus in locations)) {
  console.error(`unknown --corpus ${corpus}; one of ${Object.keys(locations).join(', ')}`);
  process.exit(2);
}
const where = locations[corpus as CorpusFormat];
const shared = path.resolve(root, where.shared);
const dirOption = option('--dir');
const dir = dirOption ? path.resolve(dirOption) : existsSync(shared) ? shared : path.resolve(root, where.fixture);

const files = readCorpusDir(dir);
const format = detectCorpusFormat(files);
if (!format) {
  console.error(`${dir}: not a corpus folder this script knows (no MANIFEST.tsv, no TITLE:/TYPE: headers, no .right files)`);
  process.exit(2);
}

let exceptions = 0;
if (format === 'syzkaller') {
  // READMEs describe the folder; every other file is an annotated log.
  const score = evaluateCorpus(files.filter((file) => !/\.md$/i.test(file.name)));
  console.log(printSyzkaller(dir, score).join('\n'));
  exceptions = score.whole.exceptions.length;
} else if (format === 'abrt') {
  const score = evaluateAbrt(files);
  console.log(printAbrt(dir, score).join('\n'));
  exceptions = score.exceptions.length;
} else {
  const score = evaluatePastes(files);
  console.log(printPastes(dir, score).join('\n'));
  exceptions = score.exceptions.length;
}
process.exitCode = exceptions > 0 ? 1 : 0;
