import { ContextTracker, parseBareTraceLine, parseFrameLine, parseLinkLine, parseTraceLine, type StackFrame } from './frames.ts';
import type { LogLine } from './log-lines.ts';

/*
 * Reading stacks out of a report: the primary one (faulting instruction, then the first call
 * trace), every one of a stall report, or the run of frames after a section line.
 */

// Lines after which the first stack of a report is over; powerpc prints `Instruction dump:`
// after its trace (arch/powerpc/kernel/process.c show_regs), s390 `Last Breaking-Event-Address:`
// and the address of the last branch, no caller (arch/s390/kernel/dumpstack.c); i386 ends its
// trace with ` =======================` (arch/x86/kernel/dumpstack_32.c, 2.6 kernels), sparc
// its register-window walk with `Instruction DUMP:` (arch/sparc/kernel/traps_64.c).
const STACK_END = /^(?:Instruction dump:|Instruction DUMP:|Last Breaking-Event-Address:|Allocated by task|Allocated:|Freed by task|Freed:|The buggy address|Memory state around|Last potentially related work creation|Second to last potentially related|Kernel Offset:|---\[ end trace|Rebooting in|Dumping ftrace buffer|irq event stamp:| ?={20,}|Uninit was (?:created|stored)|Local variable|Bytes \d+-\d+ of \d+|Memory access of size|Showing all locks held|\s*\d+ locks? held by|other info that might help|the existing dependency chain|stack backtrace:|Sending NMI from CPU|NMI backtrace for cpu)/;
const PANIC_LINE = /^Kernel panic - not syncing/;
// alpha arch/alpha/kernel/traps.c dik_show_trace opens its frames with a bare `Trace:`.
const STACK_START = /^\s*(?:Call Trace|Call trace|Backtrace|backtrace|Stack|Trace):?\s*$|^\s*backtrace(?: \(crc [0-9a-f]+\))?:$/;
// A user-space `RIP:` (code segment 0033 or 0023) ends the kernel part of a trace.
const USER_RIP = /^\s*RIP: 0033:|^\s*RIP: 0023:/;

/**
 * The primary stack: the faulting instruction, then the first call trace, until it ends. The first
 * line is the report's header, never a frame, unless the report has none (a pasted excerpt).
 */
export function collectStack(lines: readonly LogLine[], headerless = false): StackFrame[] {
  return collectStackFrom(lines, 0, headerless).frames;
}

/**
 * Every stack of a stall report in order: the detecting CPU's, then those of the stalled CPUs and
 * tasks printed after it (`NMI backtrace for cpu 1`, `Sending NMI from CPU 0 to CPUs 1:`).
 */
export function collectAllStacks(lines: readonly LogLine[]): StackFrame[][] {
  const stacks: StackFrame[][] = [];
  let from = 0;
  while (from < lines.length && stacks.length < 16) {
    const { frames, end } = collectStackFrom(lines, from);
    if (frames.length > 0) stacks.push(frames);
    if (end <= from) break;
    from = end;
  }
  return stacks;
}

const SECTION_END = /^\s*$|^page last free|^Modules linked in|^CPU: |^Hardware name|^\s*(?:Call Trace|Call trace)/;

/**
 * The frame lines right after line `start` (a stack printed without `Call Trace:`), up to the
 * next section; a few stray lines from other writers in between are passed over.
 */
export function framesRightAfter(lines: readonly LogLine[], start: number): StackFrame[] {
  const frames: StackFrame[] = [];
  let strays = 0;
  for (let index = start + 1; index < lines.length && strays < 3; index++) {
    const text = lines[index]?.text ?? '';
    const frame = parseFrameLine(text);
    if (frame) {
      frames.push({ ...frame, context: 'task' });
      strays = 0;
    } else if (SECTION_END.test(text)) break;
    else strays++;
  }
  return frames;
}

/** The stack from line `first` on, and the line where it ended (for reading the next one). */
export function collectStackFrom(lines: readonly LogLine[], first: number, headerless = false): { frames: StackFrame[]; end: number } {
  const frames: StackFrame[] = [];
  let pendingCaller: StackFrame | undefined;
  const flush = (next?: StackFrame) => {
    if (pendingCaller && pendingCaller.normalized !== next?.normalized) frames.push(pendingCaller);
    pendingCaller = undefined;
  };
  const done = (end: number) => {
    flush();
    return { frames, end };
  };
  const contexts = new ContextTracker();
  // The function the link register named in the register dump before the trace.
  let linked: string | undefined;
  let inTrace = false;
  let traces = 0;
  /** A call trace starts (`Call Trace:`, or a frame on that line); false when it ends this stack. */
  const openTrace = (): boolean => {
    traces++;
    // A second trace after frames were found belongs to something else (the panic, another CPU).
    if (traces > 1 && frames.some((frame) => !frame.isRip)) return false;
    // Frames printed before the first trace (`Preemption disabled at:`) are not part of it.
    if (traces === 1) frames.splice(0, frames.length, ...frames.filter((frame) => frame.isRip));
    inTrace = true;
    return true;
  };
  let offset = first;
  for (; offset < lines.length; offset++) {
    const text = lines[offset]?.text ?? '';
    if (offset > first && inTrace && PANIC_LINE.test(text)) return done(offset);
    if (offset > first && STACK_END.test(text) && (inTrace || frames.some((frame) => !frame.isRip))) return done(offset + (frames.length === 0 ? 1 : 0));
    if (USER_RIP.test(text)) {
      if (frames.length > 0) return done(offset + 1);
      continue;
    }
    if (STACK_START.test(text)) {
      if (!openTrace()) return done(offset);
      continue;
    }
    if (contexts.feed(text)) continue;
    const leading = contexts.consumeLeading(text);
    const read = parseTraceLine(leading) ?? (inTrace ? parseBareTraceLine(leading) : undefined);
    // A register dump whose faulting instruction has no symbol (firmware, a wild jump) or was
    // cut off: the link register names the function it was called from.
    const linkLine = read === undefined && !inTrace ? parseLinkLine(text) : undefined;
    if (linkLine) linked = linkLine.normalized;
    const link = frames.length === 0 ? linkLine : undefined;
    // powerpc marks the trace's first return address `(unreliable)` because the function may not
    // have saved the link register in its frame yet (arch/powerpc/kernel/process.c show_stack);
    // when the link register itself named the same function, the address is the real caller.
    const confirmed = read?.maybeStale && read.frame.normalized === linked ? { ...read.frame, reliable: true } : undefined;
    const frame = confirmed ?? read?.frame ?? link;
    if (!frame) continue;
    if (read?.opensTrace && !openTrace()) return done(offset);
    if (!frame.isRip && !inTrace && offset === 0 && !headerless) continue;
    // A `?` frame outside any trace is another stack's debris (two CPUs printing at once).
    if (!frame.isRip && !inTrace && !frame.reliable) continue;
    // LoongArch prints the link register before the faulting instruction: once the latter is
    // read, the caller no longer stands in for it.
    if (frame.isRip && !frame.link && !inTrace && frames.length > 0 && frames.every((earlier) => earlier.link)) frames.length = 0;
    // The frame was read from this line alone: it takes its context in place.
    const placed = frame as StackFrame;
    placed.context = contexts.current;
    flush(placed);
    frames.push(placed);
    for (const more of read?.more ?? []) frames.push({ ...more, context: contexts.current });
    // 32-bit ARM names each frame's caller on the same line; the caller's own line can be missing
    // when an exception stack dump sits between them (`(trace_hardirqs_off) from (__dabt_svc+0x54/0xa0)`).
    const caller = read?.caller;
    if (caller) {
      const parsed = parseFrameLine(` ${caller}`);
      // A return address is never at offset 0: `(panic) from (get_taint+0x0/0x1c)` is a stale guess.
      if (parsed && parsed.offset !== '0x0') pendingCaller = { ...parsed, context: contexts.current };
    }
  }
  return done(offset);
}

/** `Call Trace:` straight followed by `---[ end trace`: the log lost the stack lines. */
export function hasElidedTrace(texts: readonly string[]): boolean {
  return texts.some((text, index) => STACK_START.test(text) && /^---\[ end trace/.test(texts[index + 1] ?? ''));
}

/** Whether a call trace started between lines `from` and `to` (exclusive). */
export function tracePrinted(lines: readonly LogLine[], from: number, to: number): boolean {
  for (let index = from + 1; index < to; index++) if (STACK_START.test(lines[index]?.text ?? '')) return true;
  return false;
}
