import type { z } from 'astro/zod';
import { caseSchema } from '../../schemas/case.ts';
import { checklistSchema } from '../../schemas/checklist.ts';
import { symptomSchema } from '../../schemas/symptom.ts';
import { toolSchema } from '../../schemas/tool.ts';

/** The Markdown content kinds, each a folder under the content root with one schema. */
export const contentKinds = {
  cases: { folder: 'cases', noun: 'case', schema: caseSchema },
  symptoms: { folder: 'symptoms', noun: 'symptom', schema: symptomSchema },
  tools: { folder: 'tools', noun: 'tool', schema: toolSchema },
  checklists: { folder: 'checklists', noun: 'checklist', schema: checklistSchema },
} as const satisfies Record<string, { folder: string; noun: string; schema: z.ZodType }>;

export type ContentKind = keyof typeof contentKinds;

/** Every kind an id can refer to: the Markdown kinds plus diagram specs. */
export type ReferenceTarget = ContentKind | 'diagrams';

export const targetNoun: Record<ReferenceTarget, string> = {
  cases: 'case',
  symptoms: 'symptom',
  tools: 'tool',
  checklists: 'checklist',
  diagrams: 'diagram',
};

/**
 * Every id-valued field and the kind it names. `*` steps into each item of a list.
 * Reverse links (symptom → cases, tool → cases…) are derived from these, never written.
 */
export const referenceFields: ReadonlyArray<{ from: ContentKind; path: readonly string[]; to: ReferenceTarget }> = [
  { from: 'cases', path: ['symptoms', '*'], to: 'symptoms' },
  { from: 'cases', path: ['tools', '*', 'tool'], to: 'tools' },
  { from: 'cases', path: ['checklists', '*'], to: 'checklists' },
  { from: 'cases', path: ['diagrams', '*'], to: 'diagrams' },
  { from: 'symptoms', path: ['tools', '*', 'tool'], to: 'tools' },
  { from: 'symptoms', path: ['checklists', '*'], to: 'checklists' },
  { from: 'symptoms', path: ['related', '*'], to: 'symptoms' },
  { from: 'checklists', path: ['items', '*', 'tool'], to: 'tools' },
  { from: 'tools', path: ['conflictsWith', '*'], to: 'tools' },
];
