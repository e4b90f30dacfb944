import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { stackSchema, type CaseData } from '../../schemas/case.ts';
import { parseFrontmatter } from './parse-frontmatter.ts';
import { splitFrontmatter } from './split-frontmatter.ts';

/**
 * Stack logs are most of a case file (60 % of ten thousand generated cases), and Astro's content
 * store serialises every entry's data into one JSON document that the build bundles and parses
 * again: with the logs in it, that alone would take a 10,000-case build past 3.5 GB. The
 * collection therefore keeps cases without their logs; the site graph puts back the logs the
 * content check read (see case-stacks.ts), and reads a case file's logs again here only when the
 * file changed since.
 */

/** A case's data as the content collection stores it: every stack without its `log`. */
export type StoredCaseData = Omit<CaseData, 'stacks'> & { stacks: Array<Omit<CaseData['stacks'][number], 'log'>> };

/** Drops the logs; the collection schema's last step. */
export function withoutLogs(data: CaseData): StoredCaseData {
  return { ...data, stacks: data.stacks.map(({ log: _log, ...stack }) => stack) };
}

/** Every case's stack logs, by case id, in `stacks` order, read from `<content>/cases/*.md`. */
export function readCaseLogs(casesDir: string): Map<string, string[]> {
  const logs = new Map<string, string[]>();
  for (const name of readdirSync(casesDir)) {
    if (name.endsWith('.md')) logs.set(name.slice(0, -3), readCaseFileLogs(path.join(casesDir, name)));
  }
  return logs;
}

/** One case file's stack logs, in `stacks` order. */
export function readCaseFileLogs(file: string): string[] {
  const { yaml, yamlStartLine } = splitFrontmatter(readFileSync(file, 'utf8'));
  // The content check's own reader, so the data is what validation saw.
  const data = yaml === null ? undefined : (parseFrontmatter(yaml, yamlStartLine).data as { stacks?: Array<{ log?: unknown }> } | undefined);
  // Through the schema's own field, so the text is exactly what validation produced (trimmed).
  return (data?.stacks ?? []).map((stack) => stackSchema.shape.log.safeParse(stack.log).data ?? '');
}

/** Puts the logs back; a case whose file no longer has as many stacks changed during the build. */
export function withLogs(id: string, data: StoredCaseData, logs: ReadonlyMap<string, readonly string[]>, file: string): CaseData {
  const caseLogs = logs.get(id) ?? [];
  if (caseLogs.length !== data.stacks.length) {
    throw new Error(`${file}: has ${caseLogs.length} stacks on disk but ${data.stacks.length} in the content store; it changed during the build, build again`);
  }
  return { ...data, stacks: data.stacks.map((stack, index) => ({ ...stack, log: caseLogs[index] ?? '' })) };
}
