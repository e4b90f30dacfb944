import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { evaluateCorpus } from '../../src/lib/corpus/evaluate-corpus.ts';
import type { CorpusScore } from '../../src/lib/corpus/score-corpus.ts';

// The project's copy of part of syzkaller's annotated crash corpus (see its README). The floors
// sit a little under the rates measured when they were set, so a regression fails the build.
// When the parser improves, raise them.
const FLOORS = { detection: 0.98, kernelTitles: 0.92, classes: 0.97 };

const dir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../fixtures/oops/corpus');
const decoder = new TextDecoder('utf-8', { fatal: false });
const files = readdirSync(dir)
  .filter((name) => name.endsWith('.txt'))
  .map((name) => ({ name, source: decoder.decode(readFileSync(path.join(dir, name))) }));

const rate = ({ correct, total }: { correct: number; total: number }) => (total === 0 ? 1 : correct / total);
const misses = (score: CorpusScore) => score.misses.map((miss) => `${miss.name}: expected ${miss.expected}, got ${miss.got}`).join('\n');

describe('accuracy on the crash corpus subset', () => {
  const score = evaluateCorpus(files);

  it('reads the whole subset', () => {
    expect(score.files).toBeGreaterThanOrEqual(250);
  });

  it('never throws', () => {
    expect(score.exceptions).toEqual([]);
  });

  it(`tells crashes from clean logs (floor ${FLOORS.detection})`, () => {
    expect(rate(score.detection), misses(score)).toBeGreaterThanOrEqual(FLOORS.detection);
  });

  it(`titles kernel crashes as syzbot does (floor ${FLOORS.kernelTitles})`, () => {
    expect(rate(score.kernelTitles), misses(score)).toBeGreaterThanOrEqual(FLOORS.kernelTitles);
  });

  it(`classifies crashes (floor ${FLOORS.classes})`, () => {
    expect(rate(score.classes)).toBeGreaterThanOrEqual(FLOORS.classes);
  });
});
