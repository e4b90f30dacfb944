import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { isUnwrittenProblem } from '../../lib/content/author-marker.ts';
import { contentRoot } from '../../lib/content/content-paths.ts';
import { formatProblem } from '../../lib/content/problem.ts';
import { validateEntry } from '../../lib/content/validate-entry.ts';
import { scaffoldCase, slugFromTitle } from '../../lib/scaffold/scaffold-case.ts';
import { idSchema } from '../../schemas/common.ts';
import { buildTriageIndex } from '../../lib/triage/build-triage-index.ts';
import { triageLog } from '../../lib/triage/triage-log.ts';
import { loadSiteGraph } from '../load-site-graph.ts';
import { readInput } from '../read-inputs.ts';
import { writeNewFile } from '../write-new-file.ts';
import type { CliCommand } from '../cli-command.ts';

const usage = `Usage: oopsbook new --from FILE [--slug SLUG]

Scaffolds content/cases/SLUG.md from a crash log (FILE, or - for standard input): title,
signatures, stacks, detected symptoms, environment and modules come from the parse; what only a
person can write is marked "FILL IN:" and reported by \`oopsbook check\` until it is written.
SLUG defaults to one made from the crash title. An existing file is never overwritten.`;

function optionValue(args: string[], name: string): string | undefined {
  const index = args.indexOf(name);
  if (index >= 0) return args[index + 1];
  const inline = args.find((arg) => arg.startsWith(`${name}=`));
  return inline?.slice(name.length + 1);
}

const dayOf = (date: Date) => date.toISOString().slice(0, 10);

export const newCommand: CliCommand = {
  summary: 'scaffold a case file from a crash log',
  usage,
  async run(args, io) {
    const fail = (message: string, code = 1) => {
      io.stderr.write(`oopsbook new: ${message}\n`);
      return code;
    };
    const from = optionValue(args, '--from');
    if (!from) return fail(`--from FILE is required\n\n${usage}`, 2);
    const slugOption = optionValue(args, '--slug');
    if (slugOption !== undefined && !idSchema.safeParse(slugOption).success) {
      return fail(`--slug "${slugOption}" must be kebab-case (lower-case letters, digits and single hyphens), e.g. "${slugFromTitle(slugOption)}"`, 2);
    }

    let text: string;
    try {
      text = await readInput(from, io.stdin);
    } catch (error) {
      return fail(`${from}: ${(error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message}`);
    }
    const triage = triageLog(text, buildTriageIndex(loadSiteGraph((line) => io.stderr.write(`${line}\n`))));
    if (triage.reports.length === 0) return fail(`${from}: no kernel crash report recognised, nothing to scaffold`);

    const slug = slugOption ?? slugFromTitle(triage.reports[0]!.title);
    const target = path.join(contentRoot(), 'cases', `${slug}.md`);
    const relative = path.relative(process.cwd(), target);
    const shown = relative.startsWith('..') || path.isAbsolute(relative) ? target : relative;
    if (existsSync(target)) return fail(`${shown} already exists; it was left as it is (choose another name with --slug)`);

    const capturedOn = from === '-' ? dayOf(new Date()) : dayOf(statSync(from).mtime);
    const markdown = scaffoldCase({ name: from === '-' ? 'standard input' : path.basename(from), text, capturedOn }, triage);
    const { problems } = validateEntry({ kind: 'cases', id: slug, displayPath: shown, source: markdown });
    const unexpected = problems.filter((problem) => !isUnwrittenProblem(problem));
    if (unexpected.length > 0) {
      // The scaffold itself is wrong: say so rather than leave a file that fails for other reasons.
      return fail(`the scaffold for ${shown} would not validate:\n${unexpected.map(formatProblem).join('\n')}`);
    }
    try {
      writeNewFile(target, markdown);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'EEXIST') return fail(`${shown} already exists; it was left as it is (choose another name with --slug)`);
      throw error;
    }
    const report = triage.reports[0]!;
    io.stdout.write(`wrote ${shown}: ${report.title}\n`);
    io.stdout.write(`  ${triage.reports.length} report(s), ${triage.symptoms.length} symptom(s) detected${report.suspectModulesInStack.length ? `, out-of-tree/unsigned module in the stack: ${report.suspectModulesInStack.join(', ')}` : ''}\n`);
    io.stdout.write(`  still to be written (${problems.length}):\n${problems.map((problem) => `    ${formatProblem(problem)}`).join('\n')}\n`);
    return 0;
  },
};
