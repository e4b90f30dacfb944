import type { ChecklistItem, ChecklistStage } from '../../schemas/checklist.ts';

/** A checklist as every export sees it: authored in content/checklists/ or generated from a symptom. */
export interface ExportedChecklist {
  id: string;
  title: string;
  /** Markdown introduction: the body of an authored checklist, a generated sentence otherwise. */
  intro: string;
  /** Where in an incident it belongs; merged checklists follow capture, enable, investigate. */
  stage: ChecklistStage;
  items: ChecklistItem[];
  /** The symptom a generated checklist was built from; absent for authored ones. */
  symptomId?: string;
}
