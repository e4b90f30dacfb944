import { didYouMeanHint } from '../../lib/content/did-you-mean.ts';
import { buildDebugRecipe } from '../../lib/kconfig/debug-recipe.ts';
import { formatDebugRecipe } from '../../lib/kconfig/format-debug-recipe.ts';
import { hypervisorSchema } from '../../schemas/common.ts';
import { loadSiteGraph } from '../load-site-graph.ts';
import { parseOptions } from '../parse-options.ts';
import type { CliCommand } from '../cli-command.ts';

const usage = `Usage: oopsbook kconfig --symptom <id>... | --tool <id>... [--hypervisor <name>]

Prints the debug-kernel recipe of the tools recommended for the symptoms (or of the tools named):
a Kconfig fragment for scripts/kconfig/merge_config.sh, with the kernel and Xen command lines and
the runtime commands as comment lines, so the whole output can be saved and merged:

  oopsbook kconfig --symptom bad-page-state > debug.config
  scripts/kconfig/merge_config.sh -m .config debug.config && make olddefconfig

Conflicts (two tools wanting different values, tools that cannot share a kernel) and
production-safety warnings are printed as comments and repeated on standard error.
--hypervisor (none, xen-pv, xen-pvh, xen-hvm, kvm, vmware, hyper-v, other) turns a tool's
"does not work on" note for that hypervisor into a conflict.`;

export const kconfigCommand: CliCommand = {
  summary: 'print a merged debug-kernel Kconfig fragment, boot parameters and commands',
  usage,
  async run(args, io) {
    const parsed = parseOptions(args, ['symptom', 'tool', 'hypervisor']);
    const symptomIds = parsed.options.get('symptom') ?? [];
    const toolIds = parsed.options.get('tool') ?? [];
    const hypervisorArg = parsed.options.get('hypervisor')?.at(-1);
    const hypervisor = hypervisorArg === undefined ? undefined : hypervisorSchema.safeParse(hypervisorArg);
    if (hypervisor && !hypervisor.success) parsed.errors.push(`unknown hypervisor "${hypervisorArg}"${didYouMeanHint(hypervisorArg ?? '', hypervisorSchema.options)}`);
    if (parsed.positionals.length > 0) parsed.errors.push(`unexpected argument "${parsed.positionals[0]}"`);
    if (symptomIds.length + toolIds.length === 0) parsed.errors.push('give at least one --symptom or --tool');
    if (parsed.errors.length > 0) {
      io.stderr.write(`oopsbook kconfig: ${parsed.errors.join('; ')}\n\n${usage}\n`);
      return 2;
    }

    const graph = loadSiteGraph();
    const unknown: string[] = [];
    const wanted: string[] = [];
    for (const id of symptomIds) {
      const symptom = graph.symptoms.find((entry) => entry.id === id);
      if (!symptom) unknown.push(`unknown symptom "${id}"${didYouMeanHint(id, graph.symptoms.map((entry) => entry.id))}`);
      else wanted.push(...symptom.data.tools.map((recommendation) => recommendation.tool));
    }
    for (const id of toolIds) {
      if (!graph.tools.some((entry) => entry.id === id)) unknown.push(`unknown tool "${id}"${didYouMeanHint(id, graph.tools.map((entry) => entry.id))}`);
      else wanted.push(id);
    }
    if (unknown.length > 0) {
      for (const message of unknown) io.stderr.write(`oopsbook kconfig: ${message}\n`);
      return 1;
    }
    const tools = [...new Set(wanted)].flatMap((id) => graph.tools.filter((entry) => entry.id === id));
    const recipe = buildDebugRecipe(tools, hypervisor?.success ? { hypervisor: hypervisor.data } : {});
    io.stdout.write(formatDebugRecipe(recipe));
    for (const conflict of recipe.conflicts) io.stderr.write(`conflict: ${conflict}\n`);
    for (const warning of recipe.warnings) io.stderr.write(`warning: ${warning}\n`);
    return 0;
  },
};
