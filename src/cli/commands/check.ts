import { formatProblem } from '../../lib/content/problem.ts';
import { readAndCheckContent } from '../../lib/content/read-content.ts';
import { exportSettings } from '../../lib/settings/oopsbook-settings.ts';
import type { CliCommand } from '../cli-command.ts';
import { siteSettingsFromArgs } from '../site-options.ts';

export const checkCommand: CliCommand = {
  summary: 'validate every content file and cross reference',
  usage: `Usage: oopsbook check [--content DIR] [--diagrams DIR]

Validates the content folder (--content, else $OOPSBOOK_CONTENT, else the config's content, else
content/) and the diagram specs (--diagrams, $OOPSBOOK_DIAGRAMS, the config's diagrams, else
diagrams/), and prints every problem as file:line field.path: message.`,
  async run(args, io) {
    const settings = await siteSettingsFromArgs(args, ['content', 'diagrams']);
    exportSettings(settings);
    const { entries, diagrams, problems, warnings } = readAndCheckContent();
    for (const warning of warnings) io.stderr.write(`warning: ${formatProblem(warning)}\n`);
    for (const problem of problems) io.stderr.write(`${formatProblem(problem)}\n`);
    if (problems.length > 0) {
      const files = new Set(problems.map((problem) => problem.file)).size;
      io.stderr.write(`\n${problems.length} problem${problems.length === 1 ? '' : 's'} in ${files} file${files === 1 ? '' : 's'}.\n`);
      return 1;
    }
    io.stdout.write(`${entries.length} content files in ${settings.content} and ${diagrams.length} diagram specs in ${settings.diagrams} are valid.\n`);
    return 0;
  },
};
