// `npm run check`: validates every content file and cross reference, printing every problem.
import { contentRoot } from '../src/lib/content/content-paths.ts';
import { formatProblem } from '../src/lib/content/problem.ts';
import { readAndCheckContent } from '../src/lib/content/read-content.ts';

const { entries, problems } = readAndCheckContent();
for (const problem of problems) console.error(formatProblem(problem));
if (problems.length > 0) {
  const files = new Set(problems.map((problem) => problem.file)).size;
  console.error(`\n${problems.length} problem${problems.length === 1 ? '' : 's'} in ${files} file${files === 1 ? '' : 's'}.`);
  process.exit(1);
}
console.log(`${entries.length} content files in ${contentRoot()} are valid.`);
