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

/** Splits a captured log into lines, tolerating `\r\n`, NUL bytes and ANSI colour codes. */
export function toLogLines(input: string): LogLine[] {
  const lines = input.split('\n');
  return lines.map((line, index) => {
    const raw = line.replace(/\r$/, '');
    // eslint-disable-next-line no-control-regex
    const cleaned = raw.replace(/\u001b\[[0-9;]*m/g, '').replace(/\u0000/g, '');
    const caller = cleaned.includes('][') ? logCaller(cleaned) : undefined;
    return { index, raw, text: stripLogPrefix(cleaned), ...(caller ? { caller } : {}) };
  });
}
