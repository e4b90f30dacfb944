import type { DebugRecipe } from './debug-recipe.ts';
import { kconfigLine } from './kconfig-line.ts';

/** The Kconfig fragment alone: one line per option, grouped under the tool that first asked. */
export function kconfigFragment(recipe: DebugRecipe): string {
  const lines: string[] = [];
  let group = '';
  for (const option of recipe.kconfig) {
    const owner = option.tools[0] ?? '';
    if (owner !== group) {
      lines.push(`# ${owner}`);
      group = owner;
    }
    lines.push(kconfigLine(option.option, option.value));
  }
  return lines.join('\n');
}

const commented = (text: string) => text.split('\n').map((line) => `#   ${line}`);

/**
 * The whole recipe as a file merge_config.sh accepts: the fragment, with the boot parameters,
 * commands, conflicts and warnings as comment lines, which merge_config.sh ignores.
 */
export function formatDebugRecipe(recipe: DebugRecipe): string {
  const lines = [
    `# Debug kernel recipe for: ${recipe.tools.join(', ')}`,
    '# Apply with: scripts/kconfig/merge_config.sh -m .config debug.config && make olddefconfig',
  ];
  for (const conflict of recipe.conflicts) lines.push(`# CONFLICT: ${conflict}`);
  for (const warning of recipe.warnings) lines.push(`# WARNING: ${warning}`);
  lines.push('');
  if (recipe.kconfig.length > 0) lines.push(kconfigFragment(recipe), '');
  if (recipe.kernelCommandLine.length > 0) lines.push('# Kernel command line:', ...commented(recipe.kernelCommandLine.map((item) => item.param).join(' ')), '');
  if (recipe.xenCommandLine.length > 0) lines.push('# Xen hypervisor command line:', ...commented(recipe.xenCommandLine.map((item) => item.param).join(' ')), '');
  if (recipe.commands.length > 0) {
    lines.push('# Runtime commands, as root:');
    let group = '';
    for (const step of recipe.commands) {
      if (step.tool !== group) lines.push(`#  ${step.tool}:`);
      group = step.tool;
      lines.push(...commented(step.command));
    }
  }
  return `${lines.join('\n').trimEnd()}\n`;
}
