/** Text that `oopsbook new` writes where only a person can fill in the answer. */
export const AUTHOR_MARKER = 'FILL IN:';

/** Every path in parsed frontmatter whose text still starts with the marker. */
export function markerPaths(value: unknown, path: PropertyKey[] = []): PropertyKey[][] {
  if (typeof value === 'string') return value.trimStart().startsWith(AUTHOR_MARKER) ? [path] : [];
  if (Array.isArray(value)) return value.flatMap((item, index) => markerPaths(item, [...path, index]));
  if (value !== null && typeof value === 'object') return Object.entries(value).flatMap(([key, item]) => markerPaths(item, [...path, key]));
  return [];
}

/** 1-based body lines that still hold the marker. */
export function markerLines(body: string): number[] {
  return body.split('\n').flatMap((line, index) => (line.includes(AUTHOR_MARKER) ? [index + 1] : []));
}

/** How a problem about a field that still holds the marker starts. */
export const UNWRITTEN = 'still to be written';

/** Whether a content problem only says that a scaffolded field still has to be written. */
export function isUnwrittenProblem(problem: { message: string }): boolean {
  return problem.message.startsWith(UNWRITTEN);
}
