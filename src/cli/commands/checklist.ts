import { checklistExports } from '../../lib/checklists/checklist-exports.ts';
import { checklistPaths } from '../../lib/checklists/checklist-urls.ts';
import { checklistVersion } from '../../lib/checklists/checklist-version.ts';
import type { ExportedChecklist } from '../../lib/checklists/exported-checklist.ts';
import { mergeSymptomChecklists } from '../../lib/checklists/symptom-checklists.ts';
import { didYouMeanHint } from '../../lib/content/did-you-mean.ts';
import { absoluteUrl } from '../../lib/site/site-url.ts';
import { loadSiteContent } from '../load-site-graph.ts';
import { parseOptions } from '../parse-options.ts';
import type { CliCommand } from '../cli-command.ts';

const usage = `Usage: oopsbook checklist <id> [--format md|json|html]
       oopsbook checklist --symptom <id> [--symptom <id>...] [--format md|json|html]

Prints a checklist as GitHub task-list Markdown (default), as the JSON export, or as the
self-contained embed page. With --symptom, merges the checklists of the symptoms (their authored
checklists and the one generated from their tools): evidence first, then the debug kernel and its
tools, then the investigation; a step shared by several checklists appears once.
Every symptom also has a generated checklist of its own, with the id symptom-<symptom id>.`;

const formats = ['md', 'json', 'html'] as const;

export const checklistCommand: CliCommand = {
  summary: 'print a checklist, or the merged checklists of symptoms, as Markdown, JSON or HTML',
  usage,
  async run(args, io) {
    const parsed = parseOptions(args, ['format', 'symptom']);
    const format = parsed.options.get('format')?.at(-1) ?? 'md';
    if (!formats.includes(format as (typeof formats)[number])) parsed.errors.push(`--format must be md, json or html, not "${format}"`);
    const symptoms = parsed.options.get('symptom') ?? [];
    if (symptoms.length === 0 && parsed.positionals.length !== 1) parsed.errors.push('give one checklist id, or --symptom');
    if (symptoms.length > 0 && parsed.positionals.length > 0) parsed.errors.push('give a checklist id or --symptom, not both');
    if (parsed.errors.length > 0) {
      io.stderr.write(`oopsbook checklist: ${parsed.errors.join('; ')}\n\n${usage}\n`);
      return 2;
    }

    const { graph, checklists } = loadSiteContent();
    let exports;
    if (symptoms.length > 0) {
      let merged;
      try {
        // Each part is named with its own page and version, so the merged copy stays traceable.
        const describe = (part: ExportedChecklist) => `[${part.title}](${absoluteUrl(checklistPaths(part.id).page)}) (version ${checklistVersion(part)})`;
        merged = mergeSymptomChecklists(symptoms, graph.symptoms, checklists, describe);
      } catch (error) {
        io.stderr.write(`oopsbook checklist: ${(error as Error).message}\n`);
        return 1;
      }
      exports = checklistExports(merged, process.env, absoluteUrl('/checklists/'));
    } else {
      const id = parsed.positionals[0] ?? '';
      const checklist = checklists.find((item) => item.id === id);
      if (!checklist) {
        io.stderr.write(`oopsbook checklist: unknown checklist "${id}"${didYouMeanHint(id, checklists.map((item) => item.id))}\n`);
        return 1;
      }
      exports = checklistExports(checklist);
    }
    if (format === 'json') io.stdout.write(`${JSON.stringify(exports.json, null, 2)}\n`);
    else if (format === 'html') io.stdout.write(exports.embedHtml);
    else io.stdout.write(exports.markdown);
    return 0;
  },
};
