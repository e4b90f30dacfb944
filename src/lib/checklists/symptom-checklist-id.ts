/**
 * Every symptom gets a generated checklist with this id prefix. Authored checklists may not use
 * the prefix, so a generated id can never collide with an authored one.
 */
export const GENERATED_CHECKLIST_PREFIX = 'symptom-';

/** `symptom-bad-page-state` for the symptom `bad-page-state`. */
export function symptomChecklistId(symptomId: string): string {
  return `${GENERATED_CHECKLIST_PREFIX}${symptomId}`;
}
