import type { z } from 'astro/zod';
import { didYouMeanHint } from './did-you-mean.ts';

type Issue = z.core.$ZodIssue;

/**
 * Turns one zod issue into the sentence an author needs, with a hint where one helps.
 * `valueAt` reads the author's value at a path, to tell a missing field from a wrong one;
 * `sourceAt` gives the text as written, since YAML reads `5.10` as the number 5.1.
 */
export function describeZodIssue(
  issue: Issue,
  valueAt: (path: readonly PropertyKey[]) => unknown,
  sourceAt: (path: readonly PropertyKey[]) => string | undefined = () => undefined,
): string {
  switch (issue.code) {
    case 'invalid_type': {
      const actual = valueAt(issue.path);
      if (actual === undefined) return `is required (expected ${issue.expected})`;
      if (issue.expected === 'string' && (typeof actual === 'number' || typeof actual === 'boolean')) {
        const written = sourceAt(issue.path) ?? String(actual);
        return `expected text, got ${typeof actual} ${written} (YAML reads it as ${JSON.stringify(actual)}; quote it: "${written}")`;
      }
      return `expected ${issue.expected}, got ${kindOf(actual)}`;
    }
    case 'invalid_value': {
      const actual = valueAt(issue.path);
      const allowed = issue.values.map(String);
      if (actual === undefined) return `is required: one of ${allowed.join(' | ')}`;
      return `${JSON.stringify(actual)} is not one of ${allowed.join(' | ')}${typeof actual === 'string' ? didYouMeanHint(actual, allowed) : ''}`;
    }
    case 'unrecognized_keys':
      return issue.keys.map((key) => `unknown field "${key}"`).join('; ');
    case 'too_small':
      if (issue.origin === 'array') return `needs at least ${issue.minimum} item${issue.minimum === 1 ? '' : 's'}`;
      if (issue.origin === 'string') return 'must not be empty';
      return issue.message;
    case 'invalid_union': {
      const first = issue.errors.flat().find((inner) => inner.code !== 'invalid_type') ?? issue.errors.flat()[0];
      return first ? describeZodIssue({ ...first, path: issue.path } as Issue, valueAt, sourceAt) : issue.message;
    }
    default:
      return issue.message;
  }
}

function kindOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (value instanceof Date) return 'a date';
  if (typeof value === 'object') return 'a mapping';
  return `${typeof value} ${JSON.stringify(value)}`;
}
