import { describe, expect, it } from 'vitest';
import { checkContent } from '../../src/lib/content/check-content.ts';
import { formatProblem } from '../../src/lib/content/problem.ts';
import { caseSource, validSymptom, validTool } from '../support/check-sources.ts';

function warningsFor(caseText: string): { problems: string[]; warnings: string[] } {
  const files = { 'tools/kasan': validTool, 'symptoms/bad-page-state': validSymptom, 'cases/a-case': caseText };
  const sources = Object.entries(files).map(([key, source]) => {
    const [kind, id] = key.split('/') as ['cases', string];
    return { kind, id, displayPath: `content/${kind}/${id}.md`, source };
  });
  const result = checkContent(sources, []);
  return { problems: result.problems.map(formatProblem), warnings: result.warnings.map(formatProblem) };
}

describe('body headings that repeat a structured section', () => {
  it('warns, with file and line, and does not fail the check', () => {
    const body = '\nIt began on a Tuesday.\n\n## Root cause\n\nA double free.\n\n## Takeaways\n\nRun KASAN.\n';
    const result = warningsFor(caseSource('lessons: [Run KASAN]\n', body));
    expect(result.problems).toEqual([]);
    expect(result.warnings).toMatchInlineSnapshot(`
      [
        "content/cases/a-case.md:18 (body): heading "Root cause" repeats the "Root cause" section the page builds from the frontmatter; move this text into that field or give the body section a heading of its own",
        "content/cases/a-case.md:22 (body): heading "Takeaways" repeats the "Lessons" section the page builds from the frontmatter; move this text into that field or give the body section a heading of its own",
      ]
    `);
  });

  it('only for sections the page shows, and never inside code fences', () => {
    // No lessons, no tools steps: "Lessons" and "Timeline" in the body are the only ones there are.
    const body = '\n## Lessons\n\n## Timeline\n\n```\n## Root cause\n```\n\n## Why it hid\n';
    expect(warningsFor(caseSource('', body)).warnings).toEqual([]);
  });
});
