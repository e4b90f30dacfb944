import type { ChecklistItem } from '../../schemas/checklist.ts';
import type { SymptomData } from '../../schemas/symptom.ts';
import type { ToolData } from '../../schemas/tool.ts';
import { commandSlug } from './command-slug.ts';
import type { ExportedChecklist } from './exported-checklist.ts';
import { scriptsConfigCommand } from './scripts-config-command.ts';
import { lowerCaseStart } from './lower-case-start.ts';
import { symptomChecklistId } from './symptom-checklist-id.ts';

const testOnly = (tool: ToolData) => (tool.production === 'test-only' ? ' Test machines only.' : '');

/**
 * The checklist generated for a symptom from the enable recipes of its recommended tools: first
 * every kernel build, then every boot parameter, then the commands, so one rebuild and one reboot
 * serve all the tools. Only the recipe parts are used, not optional values or examples.
 */
export function buildSymptomChecklist(symptom: { id: string; data: SymptomData }, tools: ReadonlyMap<string, ToolData>): ExportedChecklist {
  const build: ChecklistItem[] = [];
  const boot: ChecklistItem[] = [];
  const run: ChecklistItem[] = [];
  const usedIds = new Set<string>();
  const uniqueId = (id: string) => {
    let candidate = id;
    for (let n = 2; usedIds.has(candidate); n++) candidate = `${id}-${n}`;
    usedIds.add(candidate);
    return candidate;
  };

  for (const recommendation of symptom.data.tools) {
    const tool = tools.get(recommendation.tool);
    if (!tool) continue;
    const toolId = recommendation.tool;
    const kconfig = tool.enable.kconfig.filter((option) => option.use === 'recipe');
    if (kconfig.length > 0) {
      build.push({
        id: uniqueId(`build-with-${toolId}`),
        text: `Build the kernel with ${tool.title}: ${kconfig.map((option) => `\`${option.option}=${option.value}\``).join(', ')}.`,
        command: scriptsConfigCommand(kconfig),
        tool: toolId,
        why: `${recommendation.why.replace(/\.$/, '')}.${testOnly(tool)}`,
      });
    }
    for (const line of ['kernel', 'xen'] as const) {
      const params = tool.enable.boot.filter((param) => param.use === 'recipe' && param.line === line);
      if (params.length === 0) continue;
      const where = line === 'xen' ? 'the Xen hypervisor command line' : 'the kernel command line';
      boot.push({
        id: uniqueId(line === 'xen' ? `boot-xen-with-${toolId}` : `boot-with-${toolId}`),
        text: `Add \`${params.map((param) => param.param).join(' ')}\` to ${where} and reboot.`,
        command: params.map((param) => param.param).join(' '),
        tool: toolId,
        why: `${params.map((param) => (param.note ?? `Turns on ${tool.title}`).replace(/\.$/, '')).join('. ')}.`,
      });
    }
    for (const step of tool.enable.commands) {
      if (step.use !== 'recipe') continue;
      run.push({
        id: uniqueId(`${toolId}-${commandSlug(step.command)}`),
        text: step.note ? `${tool.title}: ${step.note.replace(/\.$/, '')}.` : `Run this ${tool.title} command.`,
        command: step.command.trim(),
        tool: toolId,
        why: `${recommendation.why.replace(/\.$/, '')}.`,
      });
    }
  }

  const toolList = symptom.data.tools.map((recommendation) => tools.get(recommendation.tool)?.title ?? recommendation.tool).join(', ');
  return {
    id: symptomChecklistId(symptom.id),
    title: `Turn on the tools for ${lowerCaseStart(symptom.data.title)}`,
    intro: `Generated from the tools recommended for this symptom (${toolList}): one kernel build, one reboot with the boot parameters, then the commands that switch each tool on or read what it found.`,
    stage: 'enable',
    items: [...build, ...boot, ...run],
    symptomId: symptom.id,
  };
}
