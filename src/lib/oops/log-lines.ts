import { logCaller, stripLogPrefix } from './strip-log-prefix.ts';

/** One console line: as captured, and with the logging path's prefixes removed. */
export interface LogLine {
  /** 0-based index in the input. */
  index: number;
  raw: string;
  text: string;
  /** Who printed it (`T1234`, `C0`), from the printk caller id; absent when not printed. */
  caller?: string;
}

// A console line another printk cut into: `BUG: unable to handle kernel [  153.615435] deprecated…`.
const EMBEDDED_TIMESTAMP = /(?<=\S\s*)\[ *\d+\.\d{6}\](?:\[ *[TC]\d+\])?/g;

/**
 * Splits a captured log into lines, tolerating `\r\n`, NUL bytes and ANSI colour codes. A line
 * that carries a second printk timestamp in its middle is two messages run together; each part
 * becomes a line of its own (with the same index).
 */
export function toLogLines(input: string): LogLine[] {
  const lines: LogLine[] = [];
  for (const [index, line] of input.split('\n').entries()) {
    const raw = line.replace(/\r$/, '');
    // eslint-disable-next-line no-control-regex
    const cleaned = raw.replace(/\u001b\[[0-9;]*m/g, '').replace(/\u0000/g, '');
    const parts = splitAtTimestamps(cleaned);
    for (const part of parts) {
      const text = stripLogPrefix(part);
      // A syslog header split off its message leaves nothing behind.
      if (parts.length > 1 && text.trim() === '') continue;
      const caller = part.includes('][') ? logCaller(part) : undefined;
      lines.push({ index, raw, text, ...(caller ? { caller } : {}) });
    }
  }
  return lines;
}

function splitAtTimestamps(line: string): string[] {
  if (line.length > 4000 || !line.includes('.')) return [line];
  const cuts = [...line.matchAll(EMBEDDED_TIMESTAMP)].map((match) => match.index).filter((at) => at > 0);
  if (cuts.length === 0) return [line];
  const parts: string[] = [];
  let from = 0;
  for (const cut of cuts) {
    // Text before the first timestamp may be another writer's (`syzkaller login: `): kept as its own line.
    parts.push(line.slice(from, cut));
    from = cut;
  }
  parts.push(line.slice(from));
  return parts;
}
