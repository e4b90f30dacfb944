import { z } from 'astro/zod';
import { idSchema, textSchema } from './common.ts';

/** A console-log pattern that identifies the symptom. */
export const logSignatureSchema = z
  .strictObject({
    /** JavaScript regular expression source matched against single log lines (timestamps already stripped). */
    pattern: textSchema,
    /** A real log line the pattern matches; validated against the pattern. */
    example: textSchema,
  })
  .superRefine((signature, ctx) => {
    let regex: RegExp;
    try {
      regex = new RegExp(signature.pattern);
    } catch (error) {
      ctx.addIssue({ code: 'custom', path: ['pattern'], message: `is not a valid regular expression: ${(error as Error).message}` });
      return;
    }
    if (!regex.test(signature.example)) {
      ctx.addIssue({ code: 'custom', path: ['example'], message: 'is not matched by pattern' });
    }
  });

/** A tool worth running for this symptom. */
export const recommendedToolSchema = z.strictObject({
  /** Tool id from `content/tools/`. */
  tool: idSchema,
  /** What the tool will tell you about this symptom. */
  why: textSchema,
  /** When to reach for it: first response, on a test machine, on the next reproduction… */
  when: textSchema,
});

/** Frontmatter of `content/symptoms/<id>.md`: something an engineer sees. */
export const symptomSchema = z.strictObject({
  /** Name of the symptom as engineers say it. */
  title: textSchema,
  /** What it usually means, in one or two sentences. */
  meaning: textSchema,
  /** Patterns that identify it in a console log; empty for symptoms seen outside the log. */
  signatures: z.array(logSignatureSchema).default([]),
  /** Tools that expose the cause, most useful first. */
  tools: z.array(recommendedToolSchema).min(1),
  /** Checklist ids from `content/checklists/`. */
  checklists: z.array(idSchema).default([]),
  /** Other symptom ids that often come with this one. */
  related: z.array(idSchema).default([]),
});

export type SymptomInput = z.input<typeof symptomSchema>;
export type SymptomData = z.output<typeof symptomSchema>;
