import type { Hypervisor } from '../../schemas/common.ts';
import type { ToolData } from '../../schemas/tool.ts';
import { hypervisorLabel } from '../site/labels.ts';

/** A Kconfig option of the merged recipe and the tools that asked for it. */
export interface RecipeOption {
  option: string;
  value: string | number;
  tools: string[];
}

/** A boot parameter of the merged recipe. */
export interface RecipeParameter {
  param: string;
  tools: string[];
}

/** The debug-kernel recipe of several tools merged: one build, one boot, then the commands. */
export interface DebugRecipe {
  tools: string[];
  kconfig: RecipeOption[];
  kernelCommandLine: RecipeParameter[];
  xenCommandLine: RecipeParameter[];
  commands: Array<{ command: string; note?: string | undefined; tool: string }>;
  /** Things that cannot all hold at once; the recipe keeps the first tool's choice. */
  conflicts: string[];
  /** Where the recipe is unsafe or impossible. */
  warnings: string[];
}

/** Whether the tool's recipe changes the kernel build or its command line. */
const changesKernel = (data: ToolData) => data.enable.kconfig.some((item) => item.use === 'recipe') || data.enable.boot.some((item) => item.use === 'recipe');

/** The key a boot parameter sets: `kfence.sample_interval` for `kfence.sample_interval=100`. */
const parameterKey = (param: string) => param.split('=')[0] ?? param;

/**
 * Merges the recipe parts (not the optional values or examples) of the given tools, in order.
 * A tool asking for a different value of an option or parameter another tool already set is a
 * conflict; so is a pair of tools declared incompatible, or a tool unsupported on `hypervisor`.
 */
export function buildDebugRecipe(tools: ReadonlyArray<{ id: string; data: ToolData }>, options: { hypervisor?: Hypervisor } = {}): DebugRecipe {
  const recipe: DebugRecipe = { tools: tools.map((tool) => tool.id), kconfig: [], kernelCommandLine: [], xenCommandLine: [], commands: [], conflicts: [], warnings: [] };
  const chosen = new Set(recipe.tools);
  const title = new Map(tools.map((tool) => [tool.id, tool.data.title]));

  for (const { id, data } of tools) {
    for (const option of data.enable.kconfig.filter((item) => item.use === 'recipe')) {
      const existing = recipe.kconfig.find((item) => item.option === option.option);
      if (!existing) recipe.kconfig.push({ option: option.option, value: option.value, tools: [id] });
      else if (String(existing.value) === String(option.value)) existing.tools.push(id);
      else recipe.conflicts.push(`${option.option}: ${existing.tools.join(', ')} wants ${existing.value}, ${id} wants ${option.value}; keeping ${existing.value}`);
    }
    for (const param of data.enable.boot.filter((item) => item.use === 'recipe')) {
      const line = param.line === 'xen' ? recipe.xenCommandLine : recipe.kernelCommandLine;
      const existing = line.find((item) => parameterKey(item.param) === parameterKey(param.param));
      if (!existing) line.push({ param: param.param, tools: [id] });
      else if (existing.param === param.param) existing.tools.push(id);
      else recipe.conflicts.push(`boot parameter ${parameterKey(param.param)}: ${existing.tools.join(', ')} wants ${existing.param}, ${id} wants ${param.param}; keeping ${existing.param}`);
    }
    for (const step of data.enable.commands.filter((item) => item.use === 'recipe')) {
      if (!recipe.commands.some((item) => item.command === step.command.trim())) recipe.commands.push({ command: step.command.trim(), note: step.note, tool: id });
    }
    for (const other of data.conflictsWith) {
      // Report each incompatible pair once, from the tool listed first.
      if (chosen.has(other) && recipe.tools.indexOf(other) > recipe.tools.indexOf(id)) {
        recipe.conflicts.push(`${data.title} and ${title.get(other) ?? other} cannot be enabled in the same kernel; build one kernel for each`);
      }
    }
    for (const place of data.unsupported) {
      const where = [place.hypervisor && hypervisorLabel[place.hypervisor], place.arch].filter(Boolean).join(', ');
      if (options.hypervisor !== undefined && place.hypervisor === options.hypervisor) recipe.conflicts.push(`${data.title} does not work on ${where}: ${place.reason}`);
      else recipe.warnings.push(`${data.title} does not work on ${where}: ${place.reason}`);
    }
    if (data.productionWarning) recipe.warnings.push(`${data.title}: ${data.productionWarning}`);
    // A test-only tool that changes neither the kernel nor its command line (bisection, say) puts nothing at risk.
    else if (data.production === 'test-only' && changesKernel(data)) recipe.warnings.push(`${data.title} is marked test-only: keep it off production machines`);
  }
  return recipe;
}
