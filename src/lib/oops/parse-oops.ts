import { normalizeSymbol } from '../symbols/normalize-symbol.ts';
import { alwaysSkipped, makeFrameFilter } from './frame-filters.ts';
import { ContextTracker, parseFrameLine, type StackFrame } from './frames.ts';
import { firstGuiltyFrame, stallAnchor, stalledFrames } from './guilty-frame.ts';
import { toLogLines, type LogLine } from './log-lines.ts';
import { compile } from './patterns.ts';
import { reportFormats, type ReportFormat } from './report-formats.ts';
import { isSuspectModule, readMetadata } from './report-metadata.ts';
import type { OopsReport } from './report-types.ts';
import { titleSymbol } from './title-symbol.ts';
import { bugKindFor, warningKindFor } from './warning-kinds.ts';

/** A report runs at most this many lines past its header. */
const MAX_REPORT_LINES = 500;

// Lines after which the first stack of a report is over.
const STACK_END = /^(?:Allocated by task|Allocated:|Freed by task|Freed:|The buggy address|Memory state around|Last potentially related work creation|Second to last potentially related|Kernel Offset:|---\[ end trace|Rebooting in|Dumping ftrace buffer|irq event stamp:|={20,}|Uninit was (?:created|stored)|Local variable|Bytes \d+-\d+ of \d+|Memory access of size|Showing all locks held|\s*\d+ locks? held by|other info that might help|the existing dependency chain|stack backtrace:|Sending NMI from CPU|NMI backtrace for cpu)/;
const PANIC_LINE = /^Kernel panic - not syncing/;
const STACK_START = /^\s*(?:Call Trace|Call trace|Backtrace|backtrace|Stack):?\s*$|^\s*backtrace(?: \(crc [0-9a-f]+\))?:$/;
const USER_RIP = /^\s*RIP: 0033:|^\s*RIP: 0023:/;
const ACCESS = /^(Read|Write) (?:of size|at addr)/;
const LOCK_AT = compile(String.raw`(?:at|\bat):\s*(?:\[<[0-9a-fA-F]+>\]\s*)?({FUNC})\+0x`);
const TRYING_LOCK = /\] takes:$|just changed the state of lock|with a lock still held there|is trying to acquire|is trying to release|acquire lock:|lock\(s\) held|took:|\{[A-Z-]+\} state was registered at:|is holding|lock held by|there are no more locks to release|at:$/;
function hasElidedTrace(texts: readonly string[]): boolean {
  return texts.some((text, index) => STACK_START.test(text) && /^---\[ end trace/.test(texts[index + 1] ?? ''));
}

const NO_STACK = 'no stack trace in the report';
const BACKTRACE = /^stack backtrace:$/;
const hasBacktrace = (lines: readonly LogLine[]) => lines.some((line) => BACKTRACE.test(line.text));
const SYZ_MACHINE = /^(?:SYZFAIL: |SYZFATAL: )(.+)$/;

interface OpenReport {
  format: ReportFormat;
  match: RegExpExecArray;
  start: number;
}

const candidates = reportFormats.map((format) => ({ format, hint: format.hint }));
// One pass over a line tells whether any format's hint is in it; most lines have none.
const ANY_HINT = new RegExp([...new Set(reportFormats.map((format) => format.hint))].map((hint) => hint.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'));

// Old lock validator banners: `[ INFO: possible circular locking dependency detected ]`.
const BRACKETED = /^\[ (.+?) \]$/;

function matchHeader(line: string): { format: ReportFormat; match: RegExpExecArray } | undefined {
  if (!ANY_HINT.test(line)) return undefined;
  const text = BRACKETED.exec(line)?.[1] ?? line;
  for (const { format, hint } of candidates) {
    if (!text.includes(hint)) continue;
    const match = format.header.exec(text);
    if (match) return { format, match };
  }
  return undefined;
}

/** Finds every crash report in a console log, in the order they appear. */
export function parseOops(input: string): OopsReport[] {
  const lines = toLogLines(input);
  const starts: OpenReport[] = [];
  for (const line of lines) {
    if (line.text.length > 2000) continue;
    const found = matchHeader(line.text);
    if (!found) {
      const machine = SYZ_MACHINE.exec(line.text);
      const last = starts.at(-1);
      const inside = last !== undefined && line.index - last.start < MAX_REPORT_LINES;
      if (machine && !inside) starts.push({ format: fuzzerFormat, match: machine, start: line.index });
      continue;
    }
    const previous = starts.at(-1);
    const open = previous !== undefined && line.index - previous.start < MAX_REPORT_LINES;
    if (found.format.consequence && open) continue;
    if (open && found.format.joinsPrevious !== undefined && line.index - previous.start <= found.format.joinsPrevious) continue;
    // A lock validator report quotes a WARNING banner of its own; keep one report.
    if (open && previous.format === found.format && line.index - previous.start < 3) continue;
    starts.push({ ...found, start: line.index });
  }
  return starts.map((report, index) => {
    const next = starts[index + 1]?.start ?? lines.length;
    const end = Math.min(next, report.start + MAX_REPORT_LINES, lines.length);
    const built = buildReport(report, lines.slice(report.start, end));
    const nextStart = starts[index + 1]?.start;
    if (!built.corrupted || nextStart === undefined) return built;
    const marker = report.format.ownStack;
    if (nextStart - report.start <= 3 && marker === undefined) return built;
    // Another report can start between a header and its stack (a panic, another CPU's report):
    // look past it for the stack before calling the report corrupted. Two banners within a few
    // lines of each other are two CPUs printing at once, and the first is truly corrupted.
    const further = Math.min(starts[index + 2]?.start ?? lines.length, report.start + MAX_REPORT_LINES, lines.length);
    const extended = buildReport(report, lines.slice(report.start, further));
    if (extended.corrupted) return built;
    // Close banners: only a stack that carries this report's own reporting frames is its own.
    if (nextStart - report.start <= 3 && !extended.frames.some((frame) => marker?.test(frame.normalized))) return built;
    return extended;
  });
}

const fuzzerFormat: ReportFormat = {
  name: 'fuzzer-failure',
  hint: 'SYZ',
  header: SYZ_MACHINE,
  title: 'SYZFAIL: {1}',
  crashClass: 'SYZ_FAILURE',
  frame: { from: 'none' },
  skip: [],
  // The fuzzer's own failure lines can land inside a kernel report; they end nothing.
  consequence: true,
};

/** The primary stack: the faulting instruction, then the first call trace, until it ends. */
function collectStack(lines: readonly LogLine[]): StackFrame[] {
  return collectStackFrom(lines, 0).frames;
}

/**
 * Every stack of a stall report in order: the detecting CPU's, then those of the stalled CPUs and
 * tasks printed after it (`NMI backtrace for cpu 1`, `Sending NMI from CPU 0 to CPUs 1:`).
 */
function collectAllStacks(lines: readonly LogLine[]): StackFrame[][] {
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
function framesRightAfter(lines: readonly LogLine[], start: number): StackFrame[] {
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

// 32-bit ARM names each frame's caller on the same line; the caller's own line can be missing
// when an exception stack dump sits between them (`(trace_hardirqs_off) from (__dabt_svc+0x54/0xa0)`).
const ARM_CALLER = compile(String.raw`\) from \[<[0-9a-fA-F]+>\] \(({FUNC}\+0x[0-9a-fA-F]+/0x[0-9a-fA-F]+)\)\s*$`);

function collectStackFrom(lines: readonly LogLine[], first: number): { frames: StackFrame[]; end: number } {
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
  let inTrace = false;
  let traces = 0;
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
      traces++;
      // A second trace after frames were found belongs to something else (the panic, another CPU).
      if (traces > 1 && frames.some((frame) => !frame.isRip)) return done(offset);
      // Frames printed before the first trace (`Preemption disabled at:`) are not part of it.
      if (traces === 1) frames.splice(0, frames.length, ...frames.filter((frame) => frame.isRip));
      inTrace = true;
      continue;
    }
    if (contexts.feed(text)) continue;
    const frame = parseFrameLine(text);
    if (!frame) continue;
    if (!frame.isRip && !inTrace && offset === 0) continue;
    // A `?` frame outside any trace is another stack's debris (two CPUs printing at once).
    if (!frame.isRip && !inTrace && !frame.reliable) continue;
    const placed = { ...frame, context: contexts.current };
    flush(placed);
    frames.push(placed);
    const caller = ARM_CALLER.exec(text)?.[1];
    if (caller) {
      const parsed = parseFrameLine(` ${caller}`);
      // A return address is never at offset 0: `(panic) from (get_taint+0x0/0x1c)` is a stale guess.
      if (parsed && parsed.offset !== '0x0') pendingCaller = { ...parsed, context: contexts.current };
    }
  }
  return done(offset);
}

function fill(template: string, groups: readonly string[], access: string, frame: string): string {
  return template
    .replace(/\{ (\d)\}/g, (_all, n: string) => (groups[Number(n)] ? ` ${groups[Number(n)]}` : ''))
    .replace(/\{(\d)\|slug\}/g, (_all, n: string) => (groups[Number(n)] ?? '').toLowerCase().replace(/\s+/g, '-'))
    .replace(/\{(\d)\}/g, (_all, n: string) => groups[Number(n)] ?? '')
    .replace('{ Access}', access ? ` ${access}` : '')
    .replace('{Access}', access)
    .replace('{ACCESS}', access.toUpperCase())
    .replace('{frame}', frame)
    .replace(/ {2,}/g, ' ')
    .trim();
}

function lockFrame(lines: readonly LogLine[], skip: (symbol: string) => boolean): string | undefined {
  // Only the first lock named after the banner: the one being taken.
  for (let index = 1; index < lines.length && index < 60; index++) {
    const text = lines[index]?.text ?? '';
    if (!TRYING_LOCK.test(text)) continue;
    for (let look = index; look < Math.min(lines.length, index + 4); look++) {
      const at = LOCK_AT.exec(lines[look]?.text ?? '');
      if (at?.[1]) return skip(normalizeSymbol(at[1])) && hasBacktrace(lines) ? undefined : normalizeSymbol(at[1]);
    }
    return undefined;
  }
  return undefined;
}

/**
 * With printk caller ids, lines another task or CPU printed in the middle of a report are not
 * part of it. Stall reports are the exception: they collect other CPUs' backtraces on purpose.
 */
function ownLines(format: ReportFormat, lines: readonly LogLine[]): readonly LogLine[] {
  const caller = lines[0]?.caller;
  if (!caller || format.frame.from === 'stall' || format.frame.from === 'lockup') return lines;
  const own = lines.filter((line) => line.caller === undefined || line.caller === caller);
  return own.length >= 3 ? own : lines;
}

function buildReport(open: OpenReport, allLines: readonly LogLine[]): OopsReport {
  let format = open.format;
  const lines = ownLines(format, allLines);
  const groups = [...open.match].map((group) => group ?? '');
  const texts = lines.map((line) => line.text);
  const frames = collectStack(lines);
  const accessLine = texts.slice(1, 12).map((text) => ACCESS.exec(text)).find(Boolean);
  const access = accessLine?.[1] ?? '';
  let skipAlso = [...(format.skipAlso ?? [])];
  let title = format.title;
  if (access && format.titleWithAccess) {
    title = format.titleWithAccess;
    format = { ...format, frame: format.frameWithAccess ?? format.frame, scrubNumbers: false };
  }
  let crashClass = typeof format.crashClass === 'function' ? format.crashClass(groups, access) : format.crashClass;

  // A BUG_ON inside a checker (usercopy, list debugging) is titled after the check.
  if (format.name === 'kernel-bug') {
    const kind = bugKindFor(groups[1] ?? '');
    if (kind) {
      title = kind.title;
      crashClass = kind.crashClass;
      format = { ...format, frame: { from: 'stack' } };
    }
  }

  // A WARN inside a checker (refcount, debugobjects, kmalloc…) is about the checker's caller.
  if (format.name === 'warning') {
    const location = groups[1] || groups[3] || groups[5] || '';
    const kind = warningKindFor(location, groups[2] || groups[4] || groups[6] || '');
    if (kind) {
      title = kind.title ?? `WARNING: ${kind.kind} in {frame}`;
      crashClass = kind.crashClass;
      skipAlso = [...skipAlso, ...kind.skip];
      format = { ...format, frame: { from: 'stack' } };
    }
  }

  const skip = makeFrameFilter(format.skipOnly ? format.skip : [...alwaysSkipped, ...format.skip], skipAlso);
  const stackFrames = frames.filter((frame) => !frame.isRip);
  let guilty: string | undefined;
  const source = format.frame;
  if (source.from === 'header') {
    const named = format.name === 'warning' ? groups[2] || groups[4] || groups[6] : groups[source.group];
    const symbol = named ? normalizeSymbol(named) : undefined;
    guilty = symbol && !skip(symbol) ? symbol : firstGuiltyFrame(frames, skip)?.normalized;
    // With no stack to look past a helper, the helper the header names is the best we have,
    // unless the report is a stub (a header and a line or two: truncated).
    if (!guilty && frames.length === 0 && texts.filter((text) => text.trim() !== '').length > 4) guilty = symbol;
  } else if (source.from === 'rip') {
    guilty = firstGuiltyFrame(frames, skip)?.normalized;
    if (!guilty && stackFrames.length === 0) guilty = frames.find((frame) => frame.isRip)?.normalized;
  } else if (source.from === 'stack') {
    guilty = firstGuiltyFrame(stackFrames, skip)?.normalized ?? firstGuiltyFrame(frames, skip)?.normalized;
  } else if (source.from === 'stall') {
    // The first stack may be the RCU kthread or the detecting CPU; the stalled one can come later.
    const stacks = collectAllStacks(lines).map((stack) => stalledFrames(stack));
    const anchored = stacks.map((stack) => stallAnchor(stack, skip)).find(Boolean);
    guilty = (anchored ?? firstGuiltyFrame(stalledFrames(frames), skip))?.normalized;
  } else if (source.from === 'line') {
    const named = texts.slice(1, 12).map((text) => source.pattern.exec(text)?.[1]).find(Boolean);
    guilty = named ? normalizeSymbol(named) : firstGuiltyFrame(stackFrames, skip)?.normalized;
  } else if (source.from === 'section') {
    const start = lines.findIndex((line) => source.start.test(line.text));
    const section = start >= 0 ? framesRightAfter(lines, start) : [];
    guilty = firstGuiltyFrame(section, skip)?.normalized;
    // Older kernels print no such section; a lock report then names the lock's site.
    if (!guilty && format.crashClass === 'LOCKDEP') guilty = lockFrame(lines, skip);
    guilty ??= firstGuiltyFrame(stackFrames, skip)?.normalized;
  } else if (source.from === 'lockup') {
    // The watchdog prints the stuck context itself: its registers first, then its stack.
    guilty = (stallAnchor(frames, skip) ?? firstGuiltyFrame(frames, skip))?.normalized;
  } else if (source.from === 'lock') {
    // The lock's call site, else the stack of the task that took it (`stack backtrace:`).
    const backtrace = lines.findIndex((line) => BACKTRACE.test(line.text));
    const current = backtrace >= 0 ? collectStackFrom(lines, backtrace + 1).frames : stackFrames;
    guilty = lockFrame(lines, skip) ?? firstGuiltyFrame(current, skip)?.normalized ?? firstGuiltyFrame(stackFrames, skip)?.normalized;
  }
  // `Call Trace:` straight followed by `---[ end trace`: the log lost the stack, the header's
  // function still names the culprit (a trimmed syslog excerpt).
  const elided = source.from === 'header' && guilty !== undefined && stackFrames.length === 0 && hasElidedTrace(texts);
  const needsFrame = title.includes('{frame}');
  let corruptedReason: string | undefined;
  const traced = source.from === 'rip' ? frames : (source.from === 'lock' || source.from === 'section') && guilty ? [guilty] : stackFrames;
  if (needsFrame && traced.length === 0 && !format.noStackNeeded && !elided) corruptedReason = NO_STACK;
  else if (needsFrame && !guilty) corruptedReason = 'every frame of the stack is reporting machinery';
  const shown = corruptedReason === undefined && guilty ? titleSymbol(guilty) : 'corrupted';
  if (elided) corruptedReason = 'the stack trace was cut out of the log';

  const damaged = corruptedReason !== undefined && !elided ? format.corruptedTitle?.[groups[1] ?? ''] : undefined;
  let finalTitle = damaged ?? fill(title, groups, access, shown);
  if (format.scrubNumbers) finalTitle = finalTitle.replace(/\b\d+\b/g, 'NUM').replace(/\b(?:0x)?[0-9a-f]{8,16}\b/g, 'ADDR');
  const metadata = readMetadata(texts);
  const suspectModules = metadata.modules.filter(isSuspectModule).map((module) => module.name);
  const stackModules = new Set(frames.map((frame) => frame.module).filter((module): module is string => module !== undefined));
  const rip = frames.find((frame) => frame.isRip);
  return {
    title: finalTitle,
    crashClass: crashClass.replace(/ /g, '-').toUpperCase().replace(/^DOS$/, 'DoS'),
    format: format.name,
    ...(guilty ? { guiltyFrame: guilty } : {}),
    corrupted: corruptedReason !== undefined,
    ...(corruptedReason ? { corruptedReason } : {}),
    frames,
    ...metadata,
    ...(rip ? { rip: `${rip.symbol}${rip.offset ? `+${rip.offset}` : ''}${rip.size ? `/${rip.size}` : ''}` } : {}),
    suspectModules,
    suspectModulesInStack: suspectModules.filter((module) => stackModules.has(module)),
    startLine: (lines[0]?.index ?? 0) + 1,
    endLine: (lines.at(-1)?.index ?? 0) + 1,
    text: texts.join('\n'),
  };
}
