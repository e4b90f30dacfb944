import { createHash } from 'node:crypto';
import { canonicalJson } from './canonical-json.ts';
import type { ExportedChecklist } from './exported-checklist.ts';

/**
 * The checklist's version: the first 12 hex digits of a SHA-256 over its content (id, title,
 * intro, items). It changes exactly when the content does, not when YAML formatting, key order
 * or surrounding whitespace change, so a runbook that pins a version can tell it is stale.
 */
export function checklistVersion(checklist: Pick<ExportedChecklist, 'id' | 'title' | 'intro' | 'items'>): string {
  const content = {
    id: checklist.id,
    title: checklist.title.trim(),
    intro: checklist.intro.trim(),
    items: checklist.items.map((item) => ({
      id: item.id,
      text: item.text.trim(),
      command: item.command?.trim(),
      tool: item.tool,
      why: item.why.trim(),
    })),
  };
  return createHash('sha256').update(canonicalJson(content)).digest('hex').slice(0, 12);
}
