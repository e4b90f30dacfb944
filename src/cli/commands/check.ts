import { contentRoot, diagramsRoot } from '../../lib/content/content-paths.ts';
import { formatProblem } from '../../lib/content/problem.ts';
import { readAndCheckContent } from '../../lib/content/read-content.ts';
import type { CliCommand } from '../cli-command.ts';

export const checkCommand: CliCommand = {
  summary: 'validate every content file and cross reference',
  usage: 'Usage: oopsbook check\n\nValidates the content folder ($OOPSBOOK_CONTENT, else content/) and the diagram specs ($OOPSBOOK_DIAGRAMS, else diagrams/), and prints every problem as file:line field.path: message.',
  async run(_args, io) {
    const { entries, diagrams, problems, warnings } = readAndCheckContent();
    for (const warning of warnings) io.stderr.write(`warning: ${formatProblem(warning)}\n`);
    for (const problem of problems) io.stderr.write(`${formatProblem(problem)}\n`);
    if (problems.length > 0) {
      const files = new Set(problems.map((problem) => problem.file)).size;
      io.stderr.write(`\n${problems.length} problem${problems.length === 1 ? '' : 's'} in ${files} file${files === 1 ? '' : 's'}.\n`);
      return 1;
    }
    io.stdout.write(`${entries.length} content files in ${contentRoot()} and ${diagrams.length} diagram specs in ${diagramsRoot()} are valid.\n`);
    return 0;
  },
};
