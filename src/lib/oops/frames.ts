import { normalizeSymbol } from '../symbols/normalize-symbol.ts';
import { compile } from './patterns.ts';
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
  /** `file.c:123` when the trace was symbolised. */
  source?: string;
  /** True for `[inline]` frames that symbolisation expanded from one return address. */
  inline?: boolean;
  /** False for `?` frames: stale return addresses the unwinder found but could not vouch for. */
  reliable: boolean;
  /** Where the CPU was: `task`, `IRQ`, `NMI`, `SOFTIRQ`… from the `<IRQ>` … `</IRQ>` markers. */
  context: string;
  /** True for the `RIP:`/`IP:`/`pc :` line: the faulting instruction, not a return address. */
  isRip: boolean;
}

// `[<ffffffff816606a8>] ? foo.isra.0+0x1f/0x80 [mod] lib/x.c:12 [inline]`, any part optional but
// the name; powerpc prints two bracketed addresses, old x86 one, `[]` when addresses are hidden.
const FRAME_LINE = compile(
  String.raw`^\s*(?:\[<?[0-9a-fA-F]*>?\]\s*){0,2}(\?\s+)?({FUNC})(?:\+0x([0-9a-fA-F]+)(?:/0x([0-9a-fA-F]+))?)?(?:\s+\[([A-Za-z0-9_-]+)(?:\([A-Z]+\))?\])?(?:\s+({SRC}))?(\s+\[inline\])?\s*(?:\(\))?$`,
);
// `RIP: 0010:foo+0x1/0x2`, `RIP: 0010:[<ffffffff8213c531>]  [<ffffffff8213c531>] foo+0x…`,
// `IP: [<…>] foo+0x…`, arm64 `pc : foo+0x…`, powerpc `NIP [c000…] foo+0x…`.
const RIP_LINE = compile(
  String.raw`^\s*(?:RIP: [0-9a-fA-F]{4}:|IP: |EIP: (?:[0-9a-fA-F]{4}:)?|pc : |NIP \[[0-9a-fA-F]+\] |PC is at |EIP is at |epc\s*: (?:[0-9a-fA-F]+ )?)(?:\[<[0-9a-fA-F]+>\]\s*){0,2}({FUNC})\+0x([0-9a-fA-F]+)(?:/0x([0-9a-fA-F]+))?(?:\s+\[([A-Za-z0-9_-]+)\])?(?:\s+({SRC}))?`,
);
// 32-bit ARM prints each frame with its caller: `[<8016fb5c>] (prepare_to_wait_event) from [<803b18e8>] (nfs_wait+0x4c/0x84)`.
const ARM_FRAME_LINE = compile(String.raw`^\s*\[<[0-9a-fA-F]+>\] \(({FUNC})(?:\+0x([0-9a-fA-F]+)/0x([0-9a-fA-F]+))?(?: \[([A-Za-z0-9_-]+)\])?\) from \[<[0-9a-fA-F]+>\]`);
const CONTEXT_OPEN = /^\s*<([A-Z]+)>\s*$/;
const CONTEXT_CLOSE = /^\s*<\/([A-Z]+)>\s*$/;

/** Parses one prefix-free line as a frame, ignoring context; undefined when it is not one. */
export function parseFrameLine(text: string): Omit<StackFrame, 'context'> | undefined {
  const rip = RIP_LINE.exec(text);
  if (rip?.[1]) return frame(rip[1], rip[2], rip[3], rip[4], rip[5], false, true, true);
  if (text.length > 400) return undefined;
  const arm = ARM_FRAME_LINE.exec(text);
  if (arm?.[1]) return frame(arm[1], arm[2], arm[3], arm[4], undefined, false, true, false);
  const match = FRAME_LINE.exec(text);
  if (!match?.[2]) return undefined;
  const [, unreliable, symbol, offset, size, module, source, inline] = match;
  // A bare word is not a frame; a frame carries an offset, a source location or `[inline]`.
  if (offset === undefined && source === undefined && inline === undefined) return undefined;
  return frame(symbol ?? '', offset, size, module, source, inline !== undefined, unreliable === undefined, false);
}

/** Tracks `<IRQ>` … `</IRQ>` style markers across lines. */
export class ContextTracker {
  private readonly stack: string[] = [];

  /** Feeds a line; returns true when it was a context marker (and so not a frame). */
  feed(text: string): boolean {
    const open = CONTEXT_OPEN.exec(text);
    if (open?.[1]) {
      if (open[1] !== 'TASK') this.stack.push(open[1]);
      return true;
    }
    const close = CONTEXT_CLOSE.exec(text);
    if (close?.[1]) {
      if (this.stack.at(-1) === close[1]) this.stack.pop();
      return true;
    }
    return false;
  }

  get current(): string {
    return this.stack.at(-1) ?? 'task';
  }
}

/** Parses the frames of a stack-trace text, tracking `<IRQ>`-style context markers. */
export function parseStackFrames(log: string): StackFrame[] {
  const frames: StackFrame[] = [];
  const contexts = new ContextTracker();
  for (const rawLine of log.split('\n')) {
    const text = stripLogPrefix(rawLine);
    if (contexts.feed(text)) continue;
    const parsed = parseFrameLine(text);
    if (parsed) frames.push({ ...parsed, context: contexts.current });
  }
  return frames;
}

/** Every `symbol+0xoff/0xsize` written anywhere in a text, e.g. inside trace output or a WARNING line. */
export function findSymbolMentions(text: string): string[] {
  const mentions = new Set<string>();
  const pattern = compile(String.raw`(?<![A-Za-z0-9_.])({FUNC})\+0x[0-9a-fA-F]+/0x[0-9a-fA-F]+`, 'g');
  for (const match of text.matchAll(pattern)) if (match[1]) mentions.add(normalizeSymbol(match[1]));
  return [...mentions];
}

function frame(
  symbol: string,
  offset: string | undefined,
  size: string | undefined,
  module: string | undefined,
  source: string | undefined,
  inline: boolean,
  reliable: boolean,
  isRip: boolean,
): Omit<StackFrame, 'context'> {
  return {
    symbol,
    normalized: normalizeSymbol(symbol),
    ...(offset ? { offset: `0x${offset}` } : {}),
    ...(size ? { size: `0x${size}` } : {}),
    ...(module ? { module } : {}),
    ...(source ? { source } : {}),
    ...(inline ? { inline } : {}),
    reliable,
    isRip,
  };
}
