import { z } from 'astro/zod';
import { idSchema, textSchema } from './common.ts';

/** One thing to do or check. */
export const checklistItemSchema = z.strictObject({
  /** Stable kebab-case id; anchors and exports keep it across edits. */
  id: idSchema,
  /** What to do, as an imperative sentence. */
  text: textSchema,
  /** The command to run, if any. */
  command: textSchema.optional(),
  /** Tool id from `content/tools/` this item uses. */
  tool: idSchema.optional(),
  /** Why it matters. */
  why: textSchema,
});

/** When a checklist is worked through during an incident, in this order. */
export const checklistStageSchema = z.enum(['capture', 'enable', 'investigate']);

/** Frontmatter of `content/checklists/<id>.md`: an ordered list of steps; the body is the intro. */
export const checklistSchema = z
  .strictObject({
    /** What the checklist is for. */
    title: textSchema,
    /** When in an incident it is worked through: `capture` evidence, `enable` debugging, then `investigate` (default); merged checklists follow this order. */
    stage: checklistStageSchema.default('investigate'),
    /** The steps, in order. */
    items: z.array(checklistItemSchema).min(1),
  })
  .superRefine((checklist, ctx) => {
    const seen = new Map<string, number>();
    checklist.items.forEach((item, index) => {
      const first = seen.get(item.id);
      if (first !== undefined) {
        ctx.addIssue({ code: 'custom', path: ['items', index, 'id'], message: `duplicates the id of items[${first}]` });
      } else {
        seen.set(item.id, index);
      }
    });
  });

export type ChecklistInput = z.input<typeof checklistSchema>;
export type ChecklistData = z.output<typeof checklistSchema>;
export type ChecklistItem = z.output<typeof checklistItemSchema>;
export type ChecklistStage = z.output<typeof checklistStageSchema>;
