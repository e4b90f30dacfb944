import type { z } from 'astro/zod';
import type { sequenceSpecSchema } from '../../../schemas/diagram.ts';

/** A `kind: sequence` spec as written to YAML: what the evidence parsers produce. */
export type SequenceSpecInput = z.input<typeof sequenceSpecSchema>;
/** One actor of a sequence spec. */
export type SequenceActorInput = SequenceSpecInput['actors'][number];
/** One event of a sequence spec: a message, a note or a highlighted window. */
export type SequenceEventInput = SequenceSpecInput['events'][number];
/** A message or a note: what a highlighted window holds. */
export type PlainEventInput = Extract<SequenceEventInput, { from: string } | { note: string }>;
