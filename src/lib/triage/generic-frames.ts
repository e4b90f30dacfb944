import { isUsableTemplate } from './line-template.ts';

/**
 * In how many logs of each corpus stack symbols, frame modules, symptoms and log lines appear
 * (`generic-frames.json`, written by `scripts/learn-generic-frames.ts`). Evidence that many
 * unrelated crashes share, such as the page-fault, allocator, scheduler and syscall-entry paths,
 * says little about which bug a log shows; the ranker weighs evidence by how rare it is here.
 */
export interface CorpusFrequency {
  about: string;
  /** The command that rewrites the file. */
  regenerate: string;
  /** The corpora read, in the order of every count array below. */
  corpora: Array<{ name: string; logs: number; withReport: number }>;
  /** Entries seen in fewer logs than this, over all corpora, are left out and count as never seen. */
  minimumLogs: number;
  /** Normalised symbol (in a stack or named with `+0x…/0x…` anywhere in the log) → logs per corpus. */
  symbols: Record<string, number[]>;
  /** Module named in a stack frame → logs per corpus. */
  modules: Record<string, number[]>;
  /** Symptom id → logs per corpus where one of its signatures matched a line. */
  symptoms: Record<string, number[]>;
  /** Line template (`lineTemplate`) → logs per corpus holding it. */
  lines: Record<string, number[]>;
  /**
   * Symbols in most logs of one symptom: symbol → [symptom, logs with both, logs with the
   * symptom]. They belong to how that kind of crash is reported, not to one bug.
   */
  classFrames: Record<string, [string, number, number]>;
}

/**
 * How common a piece of evidence is across unrelated crashes: the mean over the corpora of the
 * share of each corpus's logs that hold it. Each corpus counts alike, so the five hundred fuzzer
 * crashes of one do not drown the distribution logs and pasted reports of the others, whose
 * allocator and page-fault paths are the ones real-world pastes share.
 */
export function commonness(frequency: CorpusFrequency, counts: readonly number[] | undefined): number {
  if (!counts || frequency.corpora.length === 0) return 0;
  const shares = frequency.corpora.map((corpus, position) => (corpus.logs > 0 ? (counts[position] ?? 0) / corpus.logs : 0));
  return Math.round((shares.reduce((sum, share) => sum + share, 0) / shares.length) * 1e5) / 1e5;
}

/** Commonness of a stack symbol: across crashes, or, for a frame of how one kind of crash is reported, within that kind. */
export function symbolCommonness(frequency: CorpusFrequency, symbol: string): number {
  const across = commonness(frequency, frequency.symbols[symbol]);
  const bound = frequency.classFrames[symbol];
  return bound ? Math.max(across, Math.round((bound[1] / bound[2]) * 1e5) / 1e5) : across;
}

/** The smallest share the corpora can tell apart from zero: one log of the largest corpus. */
export function commonnessFloor(frequency: CorpusFrequency): number {
  const largest = Math.max(1, ...frequency.corpora.map((corpus) => corpus.logs));
  return 1 / (largest * Math.max(1, frequency.corpora.length));
}

const containing = new WeakMap<CorpusFrequency, Map<string, number>>();

/**
 * Commonness of a line template as a part of lines: a case's signature is found in any line that
 * contains it, so "NULL pointer dereference" is as common as all the corpus lines that hold it.
 * Per corpus, the logs of every template that contains it are added up (to at most all logs).
 * A template too short to tell messages apart counts as everywhere.
 */
export function lineCommonness(frequency: CorpusFrequency, template: string): number {
  if (!isUsableTemplate(template)) return 1;
  let cache = containing.get(frequency);
  if (!cache) {
    cache = new Map();
    containing.set(frequency, cache);
  }
  const known = cache.get(template);
  if (known !== undefined) return known;
  const counts = frequency.corpora.map(() => 0);
  for (const [line, perCorpus] of Object.entries(frequency.lines)) {
    if (!line.includes(template)) continue;
    perCorpus.forEach((logs, corpus) => (counts[corpus] = (counts[corpus] ?? 0) + logs));
  }
  const share = commonness(frequency, counts.map((logs, corpus) => Math.min(logs, frequency.corpora[corpus]?.logs ?? logs)));
  cache.set(template, share);
  return share;
}

/** The figures a parsed `generic-frames.json` holds; a file missing a table is refused, so a bad regeneration fails loudly. */
export function asCorpusFrequency(data: unknown): CorpusFrequency {
  const file = data as Partial<CorpusFrequency> | null;
  const tables = ['symbols', 'modules', 'symptoms', 'lines', 'classFrames'] as const;
  if (!file || !Array.isArray(file.corpora) || tables.some((table) => typeof file[table] !== 'object' || file[table] === null)) {
    throw new Error('generic-frames.json: expected corpora and the symbols, modules, symptoms, lines and classFrames tables; run npx node scripts/learn-generic-frames.ts');
  }
  return file as CorpusFrequency;
}
