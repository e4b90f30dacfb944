import { referenceFields, targetNoun, type ReferenceTarget } from './content-kinds.ts';
import { didYouMeanHint } from './did-you-mean.ts';
import { formatPath } from './format-path.ts';
import type { ContentProblem } from './problem.ts';
import type { ParsedEntry } from './validate-entry.ts';

/** Every id each kind defines. */
export type KnownIds = Record<ReferenceTarget, ReadonlySet<string>>;

/** Reports every id-valued field that names nothing: `unknown tool "kasn" (did you mean "kasan"?)`. */
export function checkReferences(entries: readonly ParsedEntry[], known: KnownIds): ContentProblem[] {
  const problems: ContentProblem[] = [];
  for (const entry of entries) {
    for (const field of referenceFields) {
      if (field.from !== entry.kind) continue;
      for (const { path, value } of expandPath(entry.data, field.path)) {
        if (typeof value !== 'string' || known[field.to].has(value)) continue;
        problems.push({
          file: entry.displayPath,
          line: entry.lineOf(path),
          path: formatPath(path),
          message: `unknown ${targetNoun[field.to]} "${value}"${didYouMeanHint(value, known[field.to])}`,
        });
      }
    }
  }
  return problems;
}

/** Expands a path with `*` wildcards into every concrete path present in the data. */
export function expandPath(data: unknown, pattern: readonly string[]): Array<{ path: PropertyKey[]; value: unknown }> {
  let frontier: Array<{ path: PropertyKey[]; value: unknown }> = [{ path: [], value: data }];
  for (const step of pattern) {
    const next: typeof frontier = [];
    for (const { path, value } of frontier) {
      if (step === '*') {
        if (Array.isArray(value)) value.forEach((item, index) => next.push({ path: [...path, index], value: item }));
      } else if (value !== null && typeof value === 'object' && step in value) {
        next.push({ path: [...path, step], value: (value as Record<string, unknown>)[step] });
      }
    }
    frontier = next;
  }
  return frontier;
}
