import { idSchema } from '../../schemas/common.ts';
import { AUTHOR_MARKER, markerLines, markerPaths, UNWRITTEN } from './author-marker.ts';
import { contentKinds, type ContentKind } from './content-kinds.ts';
import { describeZodIssue } from './describe-zod-issue.ts';
import { didYouMeanHint } from './did-you-mean.ts';
import { findUnsafeHtml } from './find-unsafe-html.ts';
import { formatPath } from './format-path.ts';
import { knownKeysAt } from './known-keys.ts';
import { parseFrontmatter } from './parse-frontmatter.ts';
import type { ContentProblem } from './problem.ts';
import { splitFrontmatter } from './split-frontmatter.ts';

/** A content file as read from disk. */
export interface SourceFile {
  kind: ContentKind;
  /** The file name without `.md`: the entry's id or slug. */
  id: string;
  /** Path shown in messages. */
  displayPath: string;
  source: string;
}

/** A content file whose frontmatter passed its schema. */
export interface ValidEntry<Data = unknown> {
  kind: ContentKind;
  id: string;
  displayPath: string;
  data: Data;
  body: string;
  bodyStartLine: number;
  /** File line of the frontmatter value at a path. */
  lineOf(path: readonly PropertyKey[]): number;
}

/** Frontmatter that parsed as YAML, valid or not: enough to check its references. */
export interface ParsedEntry {
  kind: ContentKind;
  displayPath: string;
  data: unknown;
  lineOf(path: readonly PropertyKey[]): number;
}

/** Validates one file against its kind's schema; returns the entry or every problem found in it. */
export function validateEntry(file: SourceFile): { entry?: ValidEntry; parsed?: ParsedEntry; problems: ContentProblem[] } {
  const problems: ContentProblem[] = [];
  const at = (line: number, path: string, message: string) => problems.push({ file: file.displayPath, line, path, message });

  if (!idSchema.safeParse(file.id).success) {
    at(1, '(file name)', `"${file.id}.md" must be kebab-case, e.g. "${toKebab(file.id)}.md"`);
  }

  const split = splitFrontmatter(file.source);
  if (split.yaml === null) {
    at(1, '(frontmatter)', 'missing: the file must start with a line "---", the YAML fields, and a closing "---"');
    return { problems };
  }

  const parsed = parseFrontmatter(split.yaml, split.yamlStartLine);
  for (const problem of parsed.problems) at(problem.line, '(frontmatter)', `YAML syntax: ${problem.message}`);
  if (parsed.problems.length > 0) return { problems };

  // Fields scaffolded by `oopsbook new` that a person still has to write are one clear error each,
  // not a cascade of schema errors about the placeholder text.
  const unwritten = markerPaths(parsed.data);
  for (const path of unwritten) at(parsed.lineOf(path), formatPath(path), `${UNWRITTEN} (starts with "${AUTHOR_MARKER}")`);
  for (const line of markerLines(split.body)) at(split.bodyStartLine + line - 1, '(body)', `${UNWRITTEN} (contains "${AUTHOR_MARKER}")`);
  // Astro renders raw HTML in Markdown as is: nothing in a body may run script.
  for (const unsafe of findUnsafeHtml(split.body)) at(split.bodyStartLine + unsafe.line - 1, '(body)', unsafe.message);
  const isUnwritten = (path: readonly PropertyKey[]) => unwritten.some((marked) => marked.every((key, index) => path[index] === key));

  const schema = contentKinds[file.kind].schema;
  const parsedEntry: ParsedEntry = { kind: file.kind, displayPath: file.displayPath, data: parsed.data, lineOf: parsed.lineOf };
  const result = schema.safeParse(parsed.data ?? {});
  if (!result.success) {
    const valueAt = (path: readonly PropertyKey[]) => readPath(parsed.data, path);
    for (const issue of result.error.issues) {
      if (isUnwritten(issue.path)) continue;
      if (issue.code === 'unrecognized_keys') {
        const known = knownKeysAt(schema, issue.path);
        for (const key of issue.keys) {
          const path = [...issue.path, key];
          at(parsed.lineOf(path), formatPath(path), `unknown field${didYouMeanHint(key, known)}`);
        }
        continue;
      }
      at(parsed.lineOf(issue.path), formatPath(issue.path), describeZodIssue(issue, valueAt, parsed.sourceOf));
    }
    return { parsed: parsedEntry, problems };
  }

  if (problems.length > 0) return { parsed: parsedEntry, problems };
  return {
    entry: {
      kind: file.kind,
      id: file.id,
      displayPath: file.displayPath,
      data: result.data,
      body: split.body,
      bodyStartLine: split.bodyStartLine,
      lineOf: parsed.lineOf,
    },
    parsed: parsedEntry,
    problems,
  };
}

/** Reads a nested value by path; undefined when any step is missing. */
export function readPath(value: unknown, path: readonly PropertyKey[]): unknown {
  let current = value;
  for (const key of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<PropertyKey, unknown>)[key];
  }
  return current;
}

function toKebab(name: string): string {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1-$2')
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .toLowerCase();
}
