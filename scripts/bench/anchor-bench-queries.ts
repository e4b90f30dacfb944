import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { generateCase, type KnownContentIds } from './generate-case.ts';
import { searchQuerySets, type SearchQuerySet } from './search-query-sets.ts';

/**
 * The benchmark's query sets for a content folder it generated and kept (`npm run bench -- --keep`),
 * so that a search can be re-measured on that build without building again. The stack symbols are
 * the guilty functions of the first generated cases, found again by generating those cases with the
 * same seed, as writeBenchContent did; a different seed is an error, not other queries.
 */
export function benchQuerySetsIn(contentDir: string, seed: number): SearchQuerySet[] {
  const idsIn = (kind: string) => {
    const folder = path.join(contentDir, kind);
    if (!existsSync(folder)) throw new Error(`${folder} does not exist: --work must be a folder kept by \`npm run bench -- --keep\``);
    return new Set(readdirSync(folder).filter((name) => name.endsWith('.md')).map((name) => name.slice(0, -3)));
  };
  const known: KnownContentIds = { symptoms: idsIn('symptoms'), tools: idsIn('tools'), checklists: idsIn('checklists') };
  const cases = idsIn('cases');
  const guilty = new Set<string>();
  for (let index = 0; index < cases.size && guilty.size < 6; index++) {
    const generated = generateCase(seed, index, known);
    if (!cases.has(generated.id)) throw new Error(`${path.join(contentDir, 'cases')} has no ${generated.id}.md: was it generated with --seed ${seed}?`);
    if (generated.stacks[0]) guilty.add(generated.stacks[0].func);
  }
  return searchQuerySets([...guilty]);
}
