import { z } from 'astro/zod';
import { idSchema, textSchema } from './common.ts';

/** The three kinds of diagram spec in `diagrams/<id>.yaml`. */
export const diagramKindSchema = z.enum(['sequence', 'ring', 'race']);

/** Fields every diagram spec has. */
const commonFields = {
  /** The kind of diagram: `sequence`, `ring` or `race`. */
  kind: diagramKindSchema,
  /** Short headline, shown above the diagram and in the list. */
  title: textSchema,
  /** One paragraph: what the diagram shows and why it matters. */
  description: textSchema,
};

/** A participant of a sequence or race: a CPU context, user space, a device, the hypervisor… */
export const actorSchema = z.strictObject({
  /** Short kebab-case name used by the events or steps. */
  id: idSchema,
  /** What the diagram prints, e.g. `CPU 2 · softirq`. */
  label: textSchema,
});

/** One arrow between two actors. */
export const messageEventSchema = z.strictObject({
  /** Actor id the arrow starts at. */
  from: idSchema,
  /** Actor id the arrow points to (the same actor for work done locally). */
  to: idSchema,
  /** What happens, e.g. `dma_unmap_single()`. */
  text: textSchema,
  /** Draw the arrow dashed, as a return or an asynchronous effect. */
  reply: z.boolean().default(false),
});

/** A note spanning one or more actors. */
export const noteEventSchema = z.strictObject({
  /** The note text. */
  note: textSchema,
  /** Actor ids the note spans (one or two; more are drawn from the first to the last). */
  over: z.array(idSchema).min(1),
});

/** A message or a note: what a highlighted window may contain. */
export const plainEventSchema = z.union([messageEventSchema, noteEventSchema]);

/** A run of events drawn on a tinted background: the window where the bug happens. */
export const windowEventSchema = z.strictObject({
  /** Caption of the window, e.g. `window: buffer already freed`. */
  window: textSchema,
  /** The events inside the window, in order. */
  events: z.array(plainEventSchema).min(1),
});

/** One entry of a sequence: a message, a note or a highlighted window. */
export const sequenceEventSchema = z.union([messageEventSchema, noteEventSchema, windowEventSchema]);

/** How `oopsbook diagram --from` drew a spec from a log; a test draws it again and compares. */
export const generatedFromSchema = z.strictObject({
  /** The log, relative to the diagrams folder, e.g. `sources/afxdp-fill-order.log`. */
  log: textSchema,
  /** The `--follow` values, in the order given. */
  follow: z.array(textSchema).optional(),
  /** `--by`: one lane per CPU or one per task (trace logs only). */
  by: z.enum(['cpu', 'task']).optional(),
  /** `--last`: how many events were kept from the end of the trace. */
  last: z.number().int().positive().optional(),
});

/** `kind: sequence`: actors and ordered events. */
export const sequenceSpecSchema = z.strictObject({
  ...commonFields,
  kind: z.literal('sequence'),
  /** The participants, left to right. */
  actors: z.array(actorSchema).min(2),
  /** What happens, top to bottom. */
  events: z.array(sequenceEventSchema).min(1),
  /** Present when the spec was drawn from a log by `oopsbook diagram --from`: do not edit it by hand. */
  generatedFrom: generatedFromSchema.optional(),
});

/** A place a buffer or descriptor can be in, e.g. a ring. */
export const ringStateSchema = z.strictObject({
  /** Short kebab-case name used by the transitions. */
  id: idSchema,
  /** What the diagram prints, e.g. `FILL ring`. */
  label: textSchema,
});

/** A move of a buffer from one state to another. */
export const transitionSchema = z.strictObject({
  /** State id the buffer leaves. */
  from: idSchema,
  /** State id the buffer enters. */
  to: idSchema,
  /** Who moves it, or what the move means. */
  label: textSchema.optional(),
});

/** `kind: ring`: a buffer lifecycle with its valid moves and the invalid ones seen in the wild. */
export const ringSpecSchema = z.strictObject({
  ...commonFields,
  kind: z.literal('ring'),
  /** The states, in reading order. */
  states: z.array(ringStateSchema).min(2),
  /** Moves the protocol allows. */
  transitions: z.array(transitionSchema).min(1),
  /** Moves that must never happen but were observed; drawn red and dashed. */
  invalid: z.array(transitionSchema).default([]),
});

/** A shared variable's starting value: a number, or a list of numbers for an array such as ring slots. */
export const sharedValueSchema = z.union([z.number().int(), z.array(z.number().int()).min(1)]);

/** One atomic step of an actor's program. */
export const raceStepSchema = z
  .strictObject({
    /** A condition on shared state: the actor waits here until it holds (`producer > consumer`). */
    await: textSchema.optional(),
    /** Statements run at once when the step executes, separated by `;` (`idx = cached_prod; cached_prod = cached_prod + 1`). */
    do: textSchema.optional(),
    /** What the step is in kernel terms, shown in the diagram (`__xsk_rcv_zc: reserve an RX slot`). */
    label: textSchema.optional(),
  })
  .refine((step) => step.await !== undefined || step.do !== undefined, { message: 'a step needs `await`, `do` or both' });

/** A participant of a race and its program. */
export const raceActorSchema = z.strictObject({
  ...actorSchema.shape,
  /** The program, run one step at a time, interleaved with the other actors. */
  steps: z.array(raceStepSchema).min(1),
});

/** What must hold after every step of every interleaving. */
export const invariantSchema = z.strictObject({
  /** An expression over shared variables that must stay true (non-zero), e.g. `seen != 0xdeadbeef`. */
  holds: textSchema,
  /** The rule in words, e.g. `user space never reads a descriptor that was not written`. */
  description: textSchema,
});

/** The corrected programs: each listed actor replaces the actor with the same id. */
export const fixedVariantSchema = z.strictObject({
  /** What the fix changes, in a sentence. */
  description: textSchema,
  /** Replacement programs, by actor id. */
  actors: z
    .array(
      z.strictObject({
        /** Id of the actor whose program is replaced. */
        id: idSchema,
        /** The corrected program. */
        steps: z.array(raceStepSchema).min(1),
      }),
    )
    .min(1),
});

/** `kind: race`: small programs over shared state, an invariant, and optionally the fixed programs. */
export const raceSpecSchema = z.strictObject({
  ...commonFields,
  kind: z.literal('race'),
  /** Label of the shared-state lane in the diagram, e.g. `RX ring`. */
  stateLabel: textSchema.default('Shared state'),
  /** Shared variables and their starting values. Names are C-like identifiers. */
  shared: z.record(z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'must be an identifier such as cached_prod'), sharedValueSchema),
  /** The actors, each running its own program; two or more. */
  actors: z.array(raceActorSchema).min(2),
  /** The property the explorer tries to break. */
  invariant: invariantSchema,
  /** The corrected programs, explored the same way. */
  fixed: fixedVariantSchema.optional(),
  /** Give up after this many distinct states (each variant). */
  maxStates: z.number().int().positive().default(100_000),
});

/** Schema for each kind. */
export const diagramSpecSchemas = {
  sequence: sequenceSpecSchema,
  ring: ringSpecSchema,
  race: raceSpecSchema,
} as const;

export type DiagramKind = z.output<typeof diagramKindSchema>;
export type SequenceSpec = z.output<typeof sequenceSpecSchema>;
export type GeneratedFrom = z.output<typeof generatedFromSchema>;
export type SequenceEvent = z.output<typeof sequenceEventSchema>;
export type PlainEvent = z.output<typeof plainEventSchema>;
export type RingSpec = z.output<typeof ringSpecSchema>;
export type RaceSpec = z.output<typeof raceSpecSchema>;
export type RaceSpecInput = z.input<typeof raceSpecSchema>;
export type RaceStep = z.output<typeof raceStepSchema>;
export type DiagramSpec = SequenceSpec | RingSpec | RaceSpec;
export type DiagramSpecInput = z.input<typeof sequenceSpecSchema> | z.input<typeof ringSpecSchema> | RaceSpecInput;
