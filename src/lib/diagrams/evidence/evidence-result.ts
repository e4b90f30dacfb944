import type { SequenceSpecInput } from './sequence-input.ts';

/** A spec drawn from a log, or why none could be: the line to look at and what is wrong. */
export type EvidenceResult = { ok: true; spec: SequenceSpecInput } | { ok: false; line: number; message: string };
