import { idSchema } from '../../schemas/common.ts';
import { diagramKindSchema, diagramSpecSchemas, type DiagramSpec, type RingSpec, type SequenceSpec } from '../../schemas/diagram.ts';
import { describeZodIssue } from '../content/describe-zod-issue.ts';
import { didYouMeanHint } from '../content/did-you-mean.ts';
import { formatPath } from '../content/format-path.ts';
import { knownKeysAt } from '../content/known-keys.ts';
import { parseFrontmatter } from '../content/parse-frontmatter.ts';
import type { ContentProblem } from '../content/problem.ts';
import { readPath } from '../content/validate-entry.ts';
import { analyzeRace } from './analyze-race.ts';
import type { SpecProblem } from './compile-race.ts';

/** A spec file as read from disk. */
export interface DiagramSource {
  /** File name without `.yaml`: the id cases refer to. */
  id: string;
  /** Path shown in messages. */
  displayPath: string;
  source: string;
}

/** A spec that passed every check. */
export interface ValidDiagramSpec {
  id: string;
  displayPath: string;
  /** The YAML as written, shown under the diagram. */
  source: string;
  spec: DiagramSpec;
}

/**
 * Checks one spec file: YAML syntax, the schema of its kind, actor and state references, and for
 * races the step code and a full exploration (a step that fails at run time is a problem too).
 * Every problem is located as `file:line field.path: message`.
 */
export function validateDiagramSpec(file: DiagramSource): { spec?: ValidDiagramSpec; problems: ContentProblem[] } {
  const problems: ContentProblem[] = [];
  const at = (line: number, path: string, message: string) => problems.push({ file: file.displayPath, line, path, message });

  if (!idSchema.safeParse(file.id).success) at(1, '(file name)', `"${file.id}.yaml" must be kebab-case`);

  const parsed = parseFrontmatter(file.source, 1);
  for (const problem of parsed.problems) at(problem.line, '(spec)', `YAML syntax: ${problem.message}`);
  if (parsed.problems.length > 0) return { problems };
  const data = parsed.data;
  const located = (path: readonly PropertyKey[], message: string) => at(parsed.lineOf(path), path.length === 0 ? '(spec)' : formatPath(path), message);
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    located([], 'expected a mapping with kind, title, description and the fields of its kind');
    return { problems };
  }

  const valueAt = (path: readonly PropertyKey[]) => readPath(data, path);
  const kind = diagramKindSchema.safeParse((data as Record<string, unknown>).kind);
  if (!kind.success) {
    for (const issue of kind.error.issues) located(['kind'], describeZodIssue({ ...issue, path: ['kind'] }, valueAt));
    return { problems };
  }

  const schema = diagramSpecSchemas[kind.data];
  const result = schema.safeParse(data);
  if (!result.success) {
    for (const issue of result.error.issues) {
      if (issue.code === 'unrecognized_keys') {
        const known = knownKeysAt(schema, issue.path);
        for (const key of issue.keys) located([...issue.path, key], `unknown field${didYouMeanHint(key, known)}`);
        continue;
      }
      located(issue.path, describeZodIssue(issue, valueAt, parsed.sourceOf));
    }
    return { problems };
  }

  const spec = result.data;
  const specProblems: SpecProblem[] =
    spec.kind === 'sequence' ? checkSequenceReferences(spec) : spec.kind === 'ring' ? checkRingReferences(spec) : analyzeRace(spec).problems;
  for (const problem of specProblems) located(problem.path, problem.message);
  if (problems.length > 0) return { problems };
  return { spec: { id: file.id, displayPath: file.displayPath, source: file.source, spec }, problems };
}

function unknownId(noun: string, value: string, known: readonly string[]): string {
  return `unknown ${noun} "${value}"${didYouMeanHint(value, known)}`;
}

function checkSequenceReferences(spec: SequenceSpec): SpecProblem[] {
  const problems: SpecProblem[] = [];
  const ids = spec.actors.map((actor) => actor.id);
  const check = (path: PropertyKey[], value: string) => {
    if (!ids.includes(value)) problems.push({ path, message: unknownId('actor', value, ids) });
  };
  spec.events.forEach((event, index) => {
    const inner = 'window' in event ? event.events.map((item, innerIndex) => ({ item, path: ['events', index, 'events', innerIndex] })) : [{ item: event, path: ['events', index] }];
    for (const { item, path } of inner) {
      if ('note' in item) item.over.forEach((id, overIndex) => check([...path, 'over', overIndex], id));
      else {
        check([...path, 'from'], item.from);
        check([...path, 'to'], item.to);
      }
    }
  });
  return problems;
}

function checkRingReferences(spec: RingSpec): SpecProblem[] {
  const problems: SpecProblem[] = [];
  const ids = spec.states.map((state) => state.id);
  for (const list of ['transitions', 'invalid'] as const) {
    spec[list].forEach((transition, index) => {
      for (const end of ['from', 'to'] as const) {
        if (!ids.includes(transition[end])) problems.push({ path: [list, index, end], message: unknownId('state', transition[end], ids) });
      }
    });
  }
  return problems;
}
