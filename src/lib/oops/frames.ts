import { normalizeSymbol } from '../symbols/normalize-symbol.ts';
import { compile } from './patterns.ts';
import { braceFrame, braceFrameLine, decodedFaultLine, faultLine, linkLine, traceShapes } from './frame-shapes.ts';
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
  /**
   * True for a register dump's instruction-pointer line (`RIP:`, `pc :`, `PC is at`, `NIP [`,
   * `Krnl PSW`, `epc :`, `TPC:`) and powerpc's `--- interrupt: N at`: the instruction that faulted
   * or was interrupted, not a return address.
   */
  isRip: boolean;
  /**
   * True for the link-register line (`LR is at`, `lr :`) standing in for a faulting instruction
   * that has no symbol: it names the caller, but it is no stack trace.
   */
  link?: boolean;
}

const TRACE_LEAD = /^\s*Call Trace:(?=\s*\[<)/;
const CONTEXT_OPEN = /^\s*<([A-Z]+)>\s*$/;
const CONTEXT_CLOSE = /^\s*<\/([A-Z]+)>\s*$/;

/** A frame line read: the frame, and the caller 32-bit ARM names on the same line. */
export interface TraceLine {
  frame: Omit<StackFrame, 'context'>;
  /** `caller+0x4c/0x84 [mod]` from `(callee) from [<…>] (caller+0x4c/0x84)`. */
  caller?: string;
  /** The frames after the first on a line that holds several (x86-64 before 2.6.18). */
  more?: Omit<StackFrame, 'context'>[];
  /** The line opened the call trace itself (`Call Trace:<…>{…}`). */
  opensTrace?: boolean;
  /** powerpc marked the frame `(unreliable)`: a first return address that may be stale. */
  maybeStale?: boolean;
}

/** Parses one prefix-free line as a frame, ignoring context; undefined when it is not one. */
export function parseFrameLine(text: string): Omit<StackFrame, 'context'> | undefined {
  return parseTraceLine(text)?.frame;
}

/** Reads a frame line of any architecture (see frame-shapes.ts); undefined when it is not one. */
export function parseTraceLine(text: string): TraceLine | undefined {
  // No frame line is this long; the cap keeps hostile input cheap.
  if (text.length > 1000) return undefined;
  const fault = faultLine.exec(text)?.groups ?? (text.includes(' (') ? decodedFaultLine.exec(text)?.groups : undefined);
  if (fault) return { frame: fromGroups(fault, true, true) };
  if (text.length > 400) return undefined;
  if (text.includes('>{')) return parseBraceFrames(text);
  // m68k arch/m68k/kernel/traps.c show_trace prints `Call Trace:` and continues its first frame on
  // the same line: `Call Trace: [<0012abcd>] foo+0x1c/0x30`.
  const lead = TRACE_LEAD.exec(text);
  if (lead) {
    const rest = parseTraceLine(text.slice(lead[0].length));
    return rest && !rest.frame.isRip ? { ...rest, opensTrace: true } : undefined;
  }
  const opening = firstNonBlank(text);
  for (const shape of traceShapes) {
    if (shape.opens !== undefined && shape.opens !== opening) continue;
    if (shape.needs !== undefined && !text.includes(shape.needs)) continue;
    const groups = shape.pattern.exec(text)?.groups;
    if (!groups) continue;
    // A bare word is not a frame; a frame carries an offset, a source location or `[inline]`,
    // or is the callee of an ARM `from` line.
    if (groups.off === undefined && groups.src === undefined && groups.inline === undefined && groups.caller === undefined) return undefined;
    const reliable = !shape.unsure && groups.unsure === undefined && groups.stale === undefined;
    const read: TraceLine = { frame: fromGroups(groups, reliable, false) };
    if (groups.caller) read.caller = groups.caller;
    if (groups.stale) read.maybeStale = true;
    return read;
  }
  return undefined;
}

// A trace trimmed for a commit message or a mail, as Documentation/process/submitting-patches.rst
// ("Backtraces in commit messages") asks: the function names alone, one per line. Only a line of
// an open call trace is read this way; anywhere else a lone word is just a word.
const BARE_FRAME = /^\s*(\?\s+)?([A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z0-9_]+)*)\s*$/;

/** Reads a line inside a call trace that holds a function name and nothing else. */
export function parseBareTraceLine(text: string): TraceLine | undefined {
  const bare = text.length <= 200 ? BARE_FRAME.exec(text) : null;
  const name = bare?.[2];
  return name ? { frame: frame(name, undefined, undefined, undefined, undefined, false, bare[1] === undefined, false) } : undefined;
}

function parseBraceFrames(text: string): TraceLine | undefined {
  const line = braceFrameLine.exec(text);
  if (!line) return undefined;
  const isRip = line.groups?.lead?.startsWith('RIP') ?? false;
  const frames = [...text.matchAll(braceFrame)].map((match) => {
    const groups = match.groups ?? {};
    return fromGroups({ ...groups, off: Number(groups.dec).toString(16) }, true, isRip);
  });
  const [first, ...more] = frames;
  if (!first) return undefined;
  return { frame: first, ...(more.length > 0 && !isRip ? { more } : {}), ...(line.groups?.lead === 'Call Trace:' ? { opensTrace: true } : {}) };
}

function firstNonBlank(text: string): string | undefined {
  for (let index = 0; index < text.length; index++) {
    const char = text[index];
    if (char !== ' ' && char !== '\t') return char;
  }
  return undefined;
}

/** The link-register line of a register dump (`lr :`, `LR is at`, `ra :`…) as a frame; undefined otherwise. */
export function parseLinkLine(text: string): Omit<StackFrame, 'context'> | undefined {
  if (text.length > 400) return undefined;
  const link = linkLine.exec(text)?.groups;
  return link ? { ...fromGroups(link, true, true), link: true } : undefined;
}

/*
 * Old x86-64 kernels (arch/x86/kernel/dumpstack_64.c before 4.x) print ` <IRQ> `, ` <NMI> `,
 * ` <#DF> ` when the trace enters an interrupt or exception stack, ` <EOI> ` and ` <<EOE>> ` when
 * it leaves it, with no newline: the next frame follows on the same line
 * (`  <EOI>  [<ffffffff81013ac7>] ? cpu_idle+0xb7/0x110`).
 */
const LEADING_MARKER = /^\s*<(<EOE>|[A-Z#]+)>\s+(?=\S)/;

/** Tracks `<IRQ>` … `</IRQ>` style markers across lines. */
export class ContextTracker {
  private readonly stack: string[] = [];

  /** Feeds a line; returns true when it was a context marker (and so not a frame). */
  feed(text: string): boolean {
    const open = CONTEXT_OPEN.exec(text);
    if (open?.[1]) {
      this.enter(open[1]);
      return true;
    }
    const close = CONTEXT_CLOSE.exec(text);
    if (close?.[1]) {
      if (this.stack.at(-1) === close[1]) this.stack.pop();
      return true;
    }
    if (text.length < 40 && /^\s*<<EOE>>\s*$/.test(text)) {
      this.enter('<EOE>');
      return true;
    }
    return false;
  }

  /**
   * The line after the markers that open a frame line (`<EOI>  [<…>] foo+0x…`). They do not change
   * the context: these kernels ran softirqs on the interrupt stack, so the timer interrupt that
   * caught a CPU and the softirq work it interrupted sit between the same `<IRQ>` and `<EOI>`, and
   * a stall's interrupted frames are found by the interrupt's own frame names (guilty-frame.ts).
   */
  consumeLeading(text: string): string {
    if (text.length > 400 || !text.includes('<')) return text;
    // Leaving one stack and entering the next can both precede a frame: `<<EOE>>  <IRQ>  [<…>] …`.
    let rest = text;
    for (let markers = 0; markers < 3; markers++) {
      const marker = LEADING_MARKER.exec(rest);
      if (!marker?.[1]) break;
      rest = rest.slice(marker[0].length);
    }
    return rest;
  }

  private enter(name: string): void {
    // `<EOI>` ends the interrupt stack, `<<EOE>>` (`<EOE>`) the exception stack it was in.
    if (name === 'EOI') {
      if (this.stack.at(-1) === 'IRQ') this.stack.pop();
    } else if (name === '<EOE>' || name === 'EOE') {
      this.stack.pop();
    } else if (name !== 'TASK') this.stack.push(name);
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
    const parsed = parseFrameLine(contexts.consumeLeading(text));
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

function fromGroups(groups: Record<string, string | undefined>, reliable: boolean, isRip: boolean): Omit<StackFrame, 'context'> {
  return frame(groups.fn ?? '', groups.off || undefined, groups.size, groups.mod, groups.src, groups.inline !== undefined, reliable, isRip);
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
  // Built up in place, in the order the fields are declared, without spreading a temporary
  // object per optional field: a report reads thousands of frames.
  const read: Omit<StackFrame, 'context'> = {
    symbol,
    // powerpc64 ELFv1 dot symbols name the same function: `.kthread` is `kthread`.
    normalized: normalizeSymbol(symbol.startsWith('.') ? symbol.slice(1) : symbol),
  } as Omit<StackFrame, 'context'>;
  if (offset) read.offset = `0x${offset}`;
  if (size) read.size = `0x${size}`;
  if (module) read.module = module;
  if (source) read.source = source;
  if (inline) read.inline = inline;
  read.reliable = reliable;
  read.isRip = isRip;
  return read;
}
