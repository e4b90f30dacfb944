import type { SymptomData } from '../../schemas/symptom.ts';
import { didYouMeanHint } from '../content/did-you-mean.ts';
import type { ExportedChecklist } from './exported-checklist.ts';
import { mergeChecklists, orderByStage } from './merge-checklists.ts';
import { symptomChecklistId } from './symptom-checklist-id.ts';

/**
 * The checklists of several symptoms merged into one: each symptom's authored checklists and its
 * generated one. Throws with a did-you-mean hint for an unknown symptom id.
 */
export function mergeSymptomChecklists(
  symptomIds: readonly string[],
  symptoms: ReadonlyArray<{ id: string; data: SymptomData }>,
  checklists: readonly ExportedChecklist[],
  /** How the intro names each merged checklist, e.g. as a link with its version. */
  describe: (checklist: ExportedChecklist) => string = (checklist) => `"${checklist.title}"`,
): ExportedChecklist {
  const byId = new Map(checklists.map((checklist) => [checklist.id, checklist]));
  const picked: ExportedChecklist[] = [];
  const titles: string[] = [];
  for (const symptomId of [...new Set(symptomIds)]) {
    const symptom = symptoms.find((entry) => entry.id === symptomId);
    if (!symptom) throw new Error(`unknown symptom "${symptomId}"${didYouMeanHint(symptomId, symptoms.map((entry) => entry.id))}`);
    titles.push(symptom.data.title);
    for (const id of [...symptom.data.checklists, symptomChecklistId(symptomId)]) {
      const checklist = byId.get(id);
      if (checklist && !picked.includes(checklist)) picked.push(checklist);
    }
  }
  return mergeChecklists(picked, {
    id: `symptoms-${[...new Set(symptomIds)].join('-')}`,
    title: `Checklist for ${titles.join(', ')}`,
    intro: `Merged from ${orderByStage(picked).map(describe).join(', ')}: evidence first, then the debug kernel and its tools, then the investigation. Steps shared by several checklists appear once.`,
  });
}
