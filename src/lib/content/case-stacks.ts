import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { findSymbolMentions, parseStackFrames, type StackFrame } from '../oops/frames.ts';
import { processWide } from '../process-wide.ts';
import { readCaseFileLogs } from './case-logs.ts';

/** A case's stack logs and what the site derives from each: its frames and the symbols its lines quote. */
export interface CaseStacks {
  logs: readonly string[];
  /** `parseStackFrames` of each log. */
  frames: StackFrame[][];
  /** `findSymbolMentions` of each log. */
  mentions: string[][];
}

/** A case file as `stat` saw it before it was read: when it changes, so does one of these. */
export interface CaseFileStamp {
  mtimeMs: number;
  size: number;
}

/** Parses each log once: its frames and the symbols it quotes. */
export function parseCaseStacks(logs: readonly string[]): CaseStacks {
  return { logs: [...logs], frames: logs.map(parseStackFrames), mentions: logs.map(findSymbolMentions) };
}

/**
 * Case stacks parsed in this process, by case file. The build parses every case's stacks before
 * Astro reads the content (the integration links symbols in Markdown to their pages), and the site
 * graph (symbol pages, the symbol index, the triage index) needs the same parse: read from YAML and
 * parsed a second time, twenty thousand logs at ten thousand cases cost 3.5 s of CPU. The integration's module (loaded with the
 * Astro config) and the page bundle's are two instances of this file in one Node process, so the
 * memo lives on `globalThis`, where both find it.
 */
function memo(): Map<string, CaseStacks & { stamp: CaseFileStamp }> {
  return processWide('case-stacks', () => new Map());
}

/** The file's stamp, or undefined when it does not exist. */
export function caseFileStamp(file: string): CaseFileStamp | undefined {
  const stat = statSync(file, { throwIfNoEntry: false });
  return stat ? { mtimeMs: stat.mtimeMs, size: stat.size } : undefined;
}

/**
 * Parses logs someone else read from `file` and remembers them under the stamp taken before that
 * read: a later change to the file gives it another stamp, and readCaseStacks reads it again.
 */
export function rememberCaseStacks(file: string, stamp: CaseFileStamp, logs: readonly string[]): CaseStacks {
  const stacks = parseCaseStacks(logs);
  memo().set(path.resolve(file), { ...stacks, stamp });
  return stacks;
}

/**
 * Every case's stacks in `casesDir`, by case id, parsed. A file whose stamp is the one remembered
 * is neither read nor parsed again; any other is, and is remembered (on the development server, a
 * saved case is the only file read again).
 */
export function readCaseStacks(casesDir: string): Map<string, CaseStacks> {
  const remembered = memo();
  const stacks = new Map<string, CaseStacks>();
  const seen = new Set<string>();
  for (const name of readdirSync(casesDir)) {
    if (!name.endsWith('.md')) continue;
    const file = path.resolve(casesDir, name);
    const stamp = caseFileStamp(file);
    if (!stamp) continue;
    seen.add(file);
    const known = remembered.get(file);
    const current = known && known.stamp.mtimeMs === stamp.mtimeMs && known.stamp.size === stamp.size ? known : rememberCaseStacks(file, stamp, readCaseFileLogs(file));
    stacks.set(name.slice(0, -3), { logs: current.logs, frames: current.frames, mentions: current.mentions });
  }
  const folder = path.resolve(casesDir) + path.sep;
  for (const file of remembered.keys()) if (file.startsWith(folder) && !seen.has(file)) remembered.delete(file);
  return stacks;
}
