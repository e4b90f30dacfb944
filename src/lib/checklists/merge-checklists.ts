import type { ChecklistStage } from '../../schemas/checklist.ts';
import type { ExportedChecklist } from './exported-checklist.ts';

const stageOrder: Record<ChecklistStage, number> = { capture: 0, enable: 1, investigate: 2 };

/** Checklists in the order an incident needs them: capture, enable, investigate; stable within a stage. */
export function orderByStage(checklists: readonly ExportedChecklist[]): ExportedChecklist[] {
  return checklists
    .map((checklist, index) => ({ checklist, index }))
    .sort((a, b) => stageOrder[a.checklist.stage] - stageOrder[b.checklist.stage] || a.index - b.index)
    .map(({ checklist }) => checklist);
}

/**
 * One checklist from several: capture checklists first (evidence disappears), then the ones that
 * enable debugging, then investigation; within a stage, the order given. An item id seen before
 * is skipped, so steps shared by several checklists appear once, where they are first needed.
 */
export function mergeChecklists(
  checklists: readonly ExportedChecklist[],
  meta: { id: string; title: string; intro: string },
): ExportedChecklist {
  const ordered = orderByStage(checklists);
  const seen = new Set<string>();
  const items = [];
  for (const checklist of ordered) {
    for (const item of checklist.items) {
      if (seen.has(item.id)) continue;
      seen.add(item.id);
      items.push(item);
    }
  }
  return { ...meta, stage: ordered[0]?.stage ?? 'investigate', items };
}
