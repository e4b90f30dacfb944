import { normalizeSymbol, SYMBOL_SOURCE } from '../symbols/normalize-symbol.ts';

/** A run of a log line: plain text, or a `symbol+0xoff/0xsize` token with its normalised symbol. */
export type LogSegment = { text: string; symbol?: string };

const TOKEN = new RegExp(String.raw`(?<![A-Za-z0-9_.])(${SYMBOL_SOURCE})\+0x[0-9a-f]+(?:/0x[0-9a-f]+)?`, 'gi');

/** Cuts a log line so every function-with-offset token can be rendered as a link. */
export function segmentLogLine(line: string): LogSegment[] {
  const segments: LogSegment[] = [];
  let last = 0;
  for (const match of line.matchAll(TOKEN)) {
    const start = match.index;
    if (start > last) segments.push({ text: line.slice(last, start) });
    segments.push({ text: match[0], symbol: normalizeSymbol(match[1] ?? match[0]) });
    last = start + match[0].length;
  }
  if (last < line.length || segments.length === 0) segments.push({ text: line.slice(last) });
  return segments;
}
