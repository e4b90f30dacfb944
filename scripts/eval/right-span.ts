/**
 * Where the report ABRT extracted (`NAME.right`) sits in its log.
 *
 * A `.right` file opens with ABRT's own notes (`abrt-dump-oops: Found oopses: N`, blank lines),
 * then each extracted report after a `Version: <kernel>` line of ABRT's; reports are separated
 * by a blank line. The report's lines are the log's messages with their prefixes (syslog or
 * journal header, printk time) removed, and ABRT drops some lines in between.
 */
export interface RightReport {
  /** Reports ABRT says it found (`Found oopses: N`), when it says so. */
  declared?: number;
  /** Non-empty lines of the first extracted report. */
  lines: string[];
}

export function readRightFile(text: string): RightReport {
  const all = text.replace(/\r/g, '').split('\n');
  const declared = /^abrt-dump-oops: Found oopses: (\d+)/m.exec(text)?.[1];
  let at = 0;
  while (at < all.length && (all[at]!.startsWith('abrt-dump-oops:') || all[at]!.trim() === '')) at++;
  if (all[at]?.startsWith('Version:')) at++;
  const lines: string[] = [];
  for (; at < all.length && !all[at]!.startsWith('Version:'); at++) {
    if (all[at]!.trim() !== '') lines.push(all[at]!);
  }
  return { ...(declared ? { declared: Number(declared) } : {}), lines };
}

const squeeze = (line: string) => line.trim().replace(/\s+/g, ' ');

/**
 * Whether a log line carries an extracted line: with runs of blanks squeezed, the log line
 * ends with the extracted text, and what precedes it is nothing, a blank, or the end of a
 * prefix (`]` of a printk time, `>` of a log level, `:` of `kernel:`). No prefix format is
 * assumed, so the locating does not depend on the parser's own prefix stripping.
 */
export function carriesLine(logLine: string, extracted: string): boolean {
  const log = squeeze(logLine);
  const want = squeeze(extracted);
  if (!log.endsWith(want)) return false;
  const before = log.charAt(log.length - want.length - 1);
  return before === '' || before === ' ' || before === ']' || before === '>' || before === ':';
}

// ABRT drops lines inside a report (e.g. other messages printed in between); a longer gap means
// the match wandered into an unrelated part of the log.
const MAX_GAP = 60;
// An extracted line may differ from its log line (one example's kernel version was edited in
// the `.right` file); up to this share of lines may go unmatched.
const MAX_UNMATCHED = 0.1;

export interface RightSpan {
  /** 1-based first and last log lines of the extracted report. */
  startLine: number;
  endLine: number;
  /** Extracted lines between the first and last that were not found in the log. */
  unmatched: number;
}

/**
 * Finds the extracted report in the log: the earliest line carrying its first line from which
 * its following lines occur in order, each within MAX_GAP lines of the previous match, the last
 * line found and at most MAX_UNMATCHED of the others missing. Undefined when there is no such
 * place.
 */
export function locateRight(logLines: readonly string[], extracted: readonly string[]): RightSpan | undefined {
  if (extracted.length === 0) return undefined;
  const allowed = Math.floor(MAX_UNMATCHED * extracted.length);
  for (let start = 0; start < logLines.length; start++) {
    if (!carriesLine(logLines[start]!, extracted[0]!)) continue;
    let position = start;
    let unmatched = 0;
    let lastFound = extracted.length === 1;
    for (let index = 1; index < extracted.length && unmatched <= allowed; index++) {
      const limit = Math.min(logLines.length, position + 1 + MAX_GAP);
      let next = position + 1;
      while (next < limit && !carriesLine(logLines[next]!, extracted[index]!)) next++;
      if (next < limit) position = next;
      else unmatched++;
      lastFound = next < limit;
    }
    if (lastFound && unmatched <= allowed) return { startLine: start + 1, endLine: position + 1, unmatched };
  }
  return undefined;
}
