import type { ExportedChecklist } from './exported-checklist.ts';

/** One step in the JSON export; absent optional fields are `null`, so every item has every key. */
export interface ChecklistJsonItem {
  id: string;
  text: string;
  command: string | null;
  tool: string | null;
  why: string;
}

/** The JSON export, described by checklist.schema.json. */
export interface ChecklistJson {
  id: string;
  title: string;
  version: string;
  source: string;
  items: ChecklistJsonItem[];
}

/** The JSON export of a checklist. */
export function checklistJson(checklist: ExportedChecklist, source: { url: string; version: string }): ChecklistJson {
  return {
    id: checklist.id,
    title: checklist.title,
    version: source.version,
    source: source.url,
    items: checklist.items.map((item) => ({ id: item.id, text: item.text, command: item.command ?? null, tool: item.tool ?? null, why: item.why })),
  };
}
