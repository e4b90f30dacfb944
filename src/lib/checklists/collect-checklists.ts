import type { ChecklistData } from '../../schemas/checklist.ts';
import type { SymptomData } from '../../schemas/symptom.ts';
import type { ToolData } from '../../schemas/tool.ts';
import type { ExportedChecklist } from './exported-checklist.ts';
import { buildSymptomChecklist } from './symptom-checklist.ts';

/** The content a checklist export is made from. */
export interface ChecklistSources {
  /** Authored checklists with their Markdown body, which becomes the intro. */
  checklists: ReadonlyArray<{ id: string; data: ChecklistData; body?: string | undefined }>;
  symptoms: ReadonlyArray<{ id: string; data: SymptomData }>;
  tools: ReadonlyArray<{ id: string; data: ToolData }>;
}

/** Every checklist the site exports: the authored ones by title, then one per symptom by symptom id. */
export function collectChecklists(sources: ChecklistSources): ExportedChecklist[] {
  const tools = new Map(sources.tools.map((tool) => [tool.id, tool.data]));
  const authored: ExportedChecklist[] = sources.checklists
    .map((entry) => ({ id: entry.id, title: entry.data.title, intro: (entry.body ?? '').trim(), stage: entry.data.stage, items: entry.data.items }))
    .sort((a, b) => a.title.localeCompare(b.title));
  const generated = [...sources.symptoms].sort((a, b) => a.id.localeCompare(b.id)).map((symptom) => buildSymptomChecklist(symptom, tools));
  const ids = new Set<string>();
  for (const checklist of [...authored, ...generated]) {
    // Content validation reserves the generated prefix; this guards callers that skipped it.
    if (ids.has(checklist.id)) throw new Error(`two checklists have the id "${checklist.id}"; authored checklist ids must not start with "symptom-"`);
    ids.add(checklist.id);
  }
  return [...authored, ...generated];
}
