import type { CaseData } from '../../schemas/case.ts';
import { sectionRepeatedBy } from './case-page-sections.ts';
import type { ContentProblem } from './problem.ts';
import type { ValidEntry } from './validate-entry.ts';

/** ATX headings (`## Root cause`) of a Markdown body, outside fenced code, with their body line. */
function bodyHeadings(body: string): Array<{ line: number; text: string }> {
  const headings: Array<{ line: number; text: string }> = [];
  let fence: string | undefined;
  body.split('\n').forEach((line, index) => {
    const fenceMark = /^ {0,3}(`{3,}|~{3,})/.exec(line)?.[1];
    if (fenceMark) {
      if (fence === undefined) fence = fenceMark[0];
      else if (fenceMark[0] === fence) fence = undefined;
      return;
    }
    if (fence !== undefined) return;
    const heading = /^ {0,3}#{1,6}[ \t]+(.+?)[ \t#]*$/.exec(line);
    if (heading?.[1]) headings.push({ line: index + 1, text: heading[1] });
  });
  return headings;
}

/**
 * Warns when a case body has a heading for a section the page already builds from frontmatter
 * (a second "Root cause", a "Timeline" next to the investigation timeline): the reader would
 * meet the same section twice. A warning, not an error: the build still works.
 */
export function findDuplicateHeadings(entry: ValidEntry): ContentProblem[] {
  if (entry.kind !== 'cases') return [];
  const data = entry.data as CaseData;
  return bodyHeadings(entry.body).flatMap(({ line, text }) => {
    const section = sectionRepeatedBy(text, data);
    if (!section) return [];
    return [
      {
        file: entry.displayPath,
        line: entry.bodyStartLine + line - 1,
        path: '(body)',
        message: `heading "${text}" repeats the "${section.heading}" section the page builds from the frontmatter; move this text into that field or give the body section a heading of its own`,
      },
    ];
  });
}
