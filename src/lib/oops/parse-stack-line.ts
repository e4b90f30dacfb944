import { normalizeSymbol, SYMBOL_SOURCE } from '../symbols/normalize-symbol.ts';
import { stripLogPrefix } from './strip-log-prefix.ts';

/** One frame of a kernel stack trace. */
export interface StackFrame {
  /** The symbol as printed, e.g. `bad_page.cold`. */
  symbol: string;
  /** The symbol engineers search for, e.g. `bad_page`. */
  normalized: string;
  /** Offset into the function, e.g. `0x63`. */
  offset?: string;
  /** Size of the function, e.g. `0x94`. */
  size?: string;
  /** Module the function lives in, when not built in. */
  module?: string;
  /** False for `?` frames: stale return addresses the unwinder found but could not vouch for. */
  reliable: boolean;
  /** Where the CPU was: `task`, `IRQ`, `NMI`, `SOFTIRQ`… from the `<IRQ>` … `</IRQ>` markers. */
  context: string;
  /** True for the `RIP:` line: the instruction that faulted, not a return address. */
  isRip: boolean;
}

const FRAME = new RegExp(
  String.raw`^\s*(?:\[<[0-9a-f]*>\]\s*|\[\]\s*)?(\?\s+)?(${SYMBOL_SOURCE})\+0x([0-9a-f]+)(?:/0x([0-9a-f]+))?(?:\s+\[([A-Za-z0-9_]+)(?:\([A-Z]+\))?\])?\s*(?:\(\))?\s*$`,
  'i',
);
const RIP = new RegExp(String.raw`^\s*RIP: [0-9a-f]{4}:(?:\[<[0-9a-f]+>\]\s*)?(${SYMBOL_SOURCE})\+0x([0-9a-f]+)/0x([0-9a-f]+)(?:\s+\[([A-Za-z0-9_]+)\])?`, 'i');
const CONTEXT_OPEN = /^\s*<([A-Z]+)>\s*$/;
const CONTEXT_CLOSE = /^\s*<\/([A-Z]+)>\s*$/;

/** Parses the frames of a stack-trace text, tracking `<IRQ>`-style context markers. */
export function parseStackFrames(log: string): StackFrame[] {
  const frames: StackFrame[] = [];
  const contexts: string[] = [];
  for (const rawLine of log.split('\n')) {
    const line = stripLogPrefix(rawLine);
    const open = CONTEXT_OPEN.exec(line);
    if (open?.[1]) {
      if (open[1] !== 'TASK') contexts.push(open[1]);
      continue;
    }
    const close = CONTEXT_CLOSE.exec(line);
    if (close) {
      if (contexts.at(-1) === close[1]) contexts.pop();
      continue;
    }
    const context = contexts.at(-1) ?? 'task';
    const rip = RIP.exec(line);
    if (rip?.[1]) {
      frames.push(frame(rip[1], rip[2], rip[3], rip[4], true, context, true));
      continue;
    }
    const match = FRAME.exec(line);
    if (match?.[2]) frames.push(frame(match[2], match[3], match[4], match[5], match[1] === undefined, context, false));
  }
  return frames;
}

/** Every `symbol+0xoff/0xsize` written anywhere in a text, e.g. inside trace output or a WARNING line. */
export function findSymbolMentions(text: string): string[] {
  const mentions = new Set<string>();
  const pattern = new RegExp(String.raw`(?<![A-Za-z0-9_.])(${SYMBOL_SOURCE})\+0x[0-9a-f]+/0x[0-9a-f]+`, 'gi');
  for (const match of text.matchAll(pattern)) if (match[1]) mentions.add(normalizeSymbol(match[1]));
  return [...mentions];
}

function frame(
  symbol: string,
  offset: string | undefined,
  size: string | undefined,
  module: string | undefined,
  reliable: boolean,
  context: string,
  isRip: boolean,
): StackFrame {
  return {
    symbol,
    normalized: normalizeSymbol(symbol),
    ...(offset ? { offset: `0x${offset}` } : {}),
    ...(size ? { size: `0x${size}` } : {}),
    ...(module ? { module } : {}),
    reliable,
    context,
    isRip,
  };
}
