import { cpSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { generateCase, type KnownContentIds } from './generate-case.ts';

/** What was written. */
export interface BenchContent {
  root: string;
  cases: number;
  /** Bytes of generated case Markdown. */
  caseBytes: number;
  /** Distinct functions the first cases' reports blame, in case order: search queries that must find something. */
  guiltyFunctions: string[];
}

const idsIn = (folder: string) => new Set(readdirSync(folder).filter((name) => name.endsWith('.md')).map((name) => name.slice(0, -3)));

/**
 * Writes `count` generated cases into `<root>/cases/` next to copies of the real content's
 * symptoms, tools and checklists, so every reference in a generated case resolves.
 */
export function writeBenchContent(root: string, realContent: string, count: number, seed: number): BenchContent {
  for (const kind of ['symptoms', 'tools', 'checklists']) cpSync(path.join(realContent, kind), path.join(root, kind), { recursive: true });
  const known: KnownContentIds = {
    symptoms: idsIn(path.join(root, 'symptoms')),
    tools: idsIn(path.join(root, 'tools')),
    checklists: idsIn(path.join(root, 'checklists')),
  };
  const casesDir = path.join(root, 'cases');
  mkdirSync(casesDir, { recursive: true });
  let caseBytes = 0;
  const guilty = new Set<string>();
  for (let index = 0; index < count; index++) {
    const generated = generateCase(seed, index, known);
    writeFileSync(path.join(casesDir, `${generated.id}.md`), generated.source);
    caseBytes += Buffer.byteLength(generated.source);
    if (guilty.size < 20 && generated.stacks[0]) guilty.add(generated.stacks[0].func);
  }
  return { root, cases: count, caseBytes, guiltyFunctions: [...guilty] };
}
