/** One thing wrong with one content file, located for the author. */
export interface ContentProblem {
  /** Path as shown to the author, relative to the working directory when possible. */
  file: string;
  /** 1-based line in the file. */
  line: number;
  /** Field path such as `tools[1].tool`, or `(frontmatter)` / `(body)`. */
  path: string;
  /** What is wrong, with a hint. */
  message: string;
}

/** `content/cases/x.md:7 tools[1].tool: unknown tool "kasn" (did you mean "kasan"?)` */
export function formatProblem(problem: ContentProblem): string {
  return `${problem.file}:${problem.line} ${problem.path}: ${problem.message}`;
}

/** Orders problems by file, then line, so a report reads top to bottom. */
export function sortProblems(problems: ContentProblem[]): ContentProblem[] {
  return [...problems].sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.path.localeCompare(b.path));
}
