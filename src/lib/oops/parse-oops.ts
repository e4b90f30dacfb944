import { normalizeSymbol } from '../symbols/normalize-symbol.ts';
import { alwaysSkipped, makeFrameFilter } from './frame-filters.ts';
import { collectAllStacks, collectStack, framesRightAfter, hasElidedTrace, tracePrinted } from './collect-stack.ts';
import { firstGuiltyFrame, chooseGuiltyFrame, isSwitchedOut, stallAnchor, stalledFrames } from './guilty-frame.ts';
import { toLogLines, type LogLine } from './log-lines.ts';
import { hasDumpBeforeLockdepBacktrace, hasInterleavedDump } from './interleaved-stack.ts';
import { lockSite, lockTakerStack } from './lock-site.ts';
import { sanitizerFormats } from './formats/sanitizers.ts';
import { stackExcerptFormat } from './formats/faults.ts';
import { ARM_UNWINDER } from './formats/skip-sets.ts';
import { parseTraceLine, type StackFrame } from './frames.ts';
import { reportFormats, type ReportFormat } from './report-formats.ts';
import { isSuspectModule, readMetadata } from './report-metadata.ts';
import { reportEnd } from './report-span.ts';
import type { OopsReport } from './report-types.ts';
import { titleSymbol } from './title-symbol.ts';
import { bugKindFor, warningKindFor } from './warning-kinds.ts';

/**
 * A report runs at most this many lines past its header. A stack overflow's trace repeats its
 * recursion for hundreds of lines before reaching the entry point it is named after.
 */
const MAX_REPORT_LINES = 1000;

const ACCESS = /^(Read|Write) (?:of size|at addr)/;

// Fault injection prints the stack of the allocation it failed (`FAULT_INJECTION: forcing a
// failure.`); a report whose stack runs through it has picked up that dump instead of its own.
const FAULT_INJECTION_FRAME = /^should_fail/;

function borrowedStack(frames: readonly StackFrame[], guilty: string): boolean {
  const injected = frames.findIndex((frame) => FAULT_INJECTION_FRAME.test(frame.normalized));
  return injected >= 0 && frames.findIndex((frame) => frame.normalized === guilty) > injected;
}

const NO_STACK = 'no stack trace in the report';
const SYZ_MACHINE = /^(?:SYZFAIL: |SYZFATAL: )(.+)$/;

interface OpenReport {
  format: ReportFormat;
  match: RegExpExecArray;
  /** Position of the header in the split lines. */
  start: number;
  /** Its line number in the input (several split lines can share one). */
  index: number;
}

const candidates = reportFormats.map((format) => ({ format, hint: format.hint }));
// One pass over a line tells whether any format's hint is in it; most lines have none.
const ANY_HINT = new RegExp([...new Set(reportFormats.map((format) => format.hint))].map((hint) => hint.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'));

const indentedCandidates = candidates.filter(({ format }) => format.indentedHeader);

type HeaderMatch = { format: ReportFormat; match: RegExpExecArray };

/** The first of `list`, in table order, whose hint is in the text and whose header matches it. */
function firstHeaderMatch(text: string, list: typeof candidates): HeaderMatch | undefined {
  for (const { format, hint } of list) {
    if (!text.includes(hint)) continue;
    const match = format.header.exec(text);
    if (match) return { format, match };
  }
  return undefined;
}

// Old lock validator banners: `[ INFO: possible circular locking dependency detected ]`.
const BRACKETED = /^\[ (.+?) \]$/;

function matchHeader(line: string): HeaderMatch | undefined {
  if (!ANY_HINT.test(line)) return undefined;
  return firstHeaderMatch(BRACKETED.exec(line)?.[1] ?? line, candidates);
}

/*
 * Register dumps printed on request rather than by a crash: lib/nmi_backtrace.c
 * nmi_cpu_backtrace (`NMI backtrace for cpu 1`, then show_regs: sysrq-l, RCU stall and hard-lockup
 * reporters, arch_trigger_cpumask_backtrace), drivers/tty/sysrq.c `sysrq: Show Regs` (sysrq-p;
 * `SysRq : Show Regs` before 4.x) and, on architectures without NMIs, sysrq-l's showacpu
 * `sysrq: CPU1:` before show_regs. show_regs prints at most a few dozen lines before the
 * instruction pointer (powerpc: NIP/REGS/MSR and eight GPR lines first).
 */
const REQUESTED_DUMP = /^(?:NMI backtrace for cpu \d+\s*$|(?:sysrq|SysRq ?): (?:Show Regs|Show backtrace of all active CPUs|CPU\d+:\s*$))/;
const REQUESTED_DUMP_REACH = 24;

function requestedDump(lines: readonly LogLine[], position: number): boolean {
  for (let index = position - 1; index >= 0 && index >= position - REQUESTED_DUMP_REACH; index--) {
    if (REQUESTED_DUMP.test(lines[index]?.text ?? '')) return true;
  }
  return false;
}

/*
 * A log with no report whose first lines are a stack memory dump, a trace's first line or stack
 * frames is an excerpt cut out of the middle of a report: a healthy kernel prints stacks only on
 * request (sysrq, NMI backtraces), from dump_stack() or for a task switched out, each recognised
 * below. The frames must follow within a screenful.
 */
const EXCERPT_OPENING_LINES = 3;
const EXCERPT_REACH = 60;
// Where the allocation records of mm/slub.c (set_track, alloc_traces), mm/page_owner.c,
// mm/kmemleak.c and mm/kasan/common.c (kasan_save_track) start: the allocator's entry points and
// the hooks that save the stack, `_noprof` variants included (memory allocation profiling, 6.10).
const ALLOCATION_RECORD_TOP = /^(?:_{0,3}(?:kmalloc|kmalloc_node|kmalloc_trace|kmalloc_large|kmalloc_node_track_caller|kmem_cache_alloc|kmem_cache_alloc_node|kmem_cache_alloc_lru|kmem_cache_alloc_trace|kvmalloc_node|slab_alloc|slab_alloc_node|alloc_pages|alloc_pages_nodemask|alloc_pages_node|folio_alloc|vmalloc|vmalloc_node|vmalloc_node_range|kmem_cache_alloc_node_trace|kmalloc_cache|kmalloc_cache_node)(?:_noprof)?|__kmem_cache_alloc_node|post_alloc_hook|prep_new_page|get_page_from_freelist|kmemleak_alloc|kmemleak_alloc_recursive|kasan_save_stack|kasan_save_track|kasan_set_track|set_track|set_track_prepare|set_track_update|stack_depot_save|stack_depot_save_flags|alloc_debug_processing)$/;
const EXCERPT_TRACE_START = /^\s*(?:Call Trace|Call trace|Backtrace):?\s*$/;

function stackExcerpt(lines: readonly LogLine[]): OpenReport | undefined {
  const opening: { line: LogLine; position: number }[] = [];
  for (let position = 0; position < lines.length && opening.length < EXCERPT_OPENING_LINES; position++) {
    const line = lines[position];
    if (line && line.text.trim() !== '') opening.push({ line, position });
  }
  for (const { line, position } of opening) {
    const dump = stackExcerptFormat.header.exec(line.text);
    const frame = dump ? undefined : parseTraceLine(line.text);
    const traceStart = EXCERPT_TRACE_START.test(line.text);
    if (!dump && !traceStart && !(frame && !frame.frame.isRip && frame.frame.reliable)) continue;
    const reach = lines.slice(position, position + EXCERPT_REACH);
    if (lines.slice(0, position + EXCERPT_REACH).some((later) => REQUESTED_DUMP.test(later.text))) return undefined;
    const frames = reach.map((later) => parseTraceLine(later.text)?.frame).filter((read): read is Omit<StackFrame, 'context'> => read !== undefined && !read.isRip && read.reliable);
    // Frames alone must be a trace, not a line that happens to look like one.
    if (frames.length < (dump ? 1 : 2)) return undefined;
    // A trace that starts in dump_stack() or the WARN machinery was printed on purpose, by a
    // WARN whose banner is missing or a debugging dump; a crash's trace starts where it faulted.
    const top = frames[0]?.normalized ?? '';
    if (reportingOnly(top) || ARM_UNWINDER.some((name) => name.test(top))) return undefined;
    // A trace that starts in an allocation entry point is an allocation record (kmemleak's
    // backtrace, SLUB's alloc_traces, page_owner, a sanitizer's "Allocated by" stack), not a crash.
    if (ALLOCATION_RECORD_TOP.test(top)) return undefined;
    // A trace that starts in the scheduler is a task that was switched out (a hung-task or
    // sysrq-t dump whose header is missing), not a crash.
    if (isSwitchedOut(frames.map((read) => ({ ...read, context: 'task' })))) return undefined;
    const match = dump ?? /^.*$/.exec(line.text);
    return match ? { format: stackExcerptFormat, match, start: position, index: line.index } : undefined;
  }
  return undefined;
}

const MINOR_FORMATS = new Set(reportFormats.filter((format) => format.minor).map((format) => format.name));

/**
 * Finds every crash report in a console log, in the order they appear, except that reports of
 * running out of memory come after the others (see ReportFormat.minor).
 */
export function parseOops(input: string): OopsReport[] {
  const reports = findReports(input);
  if (!reports.some((report) => MINOR_FORMATS.has(report.format))) return reports;
  return [...reports.filter((report) => !MINOR_FORMATS.has(report.format)), ...reports.filter((report) => MINOR_FORMATS.has(report.format))];
}

function findReports(input: string): OopsReport[] {
  const lines = toLogLines(input);
  const starts: OpenReport[] = [];
  let firstOutput = -1;
  let lastHeader: { position: number; format: ReportFormat } | undefined;
  for (const [position, line] of lines.entries()) {
    if (firstOutput < 0 && line.text.trim() !== '') firstOutput = position;
    if (line.text.length > 2000) continue;
    // Frames and continuation lines, most of a report, start with a blank, and only a few
    // formats' headers are printed indented (ReportFormat.indentedHeader; a unit test keeps the
    // others from matching such a line).
    const first = line.text.charCodeAt(0);
    const found = first === 0x20 || first === 0x09 ? firstHeaderMatch(line.text, indentedCandidates) : matchHeader(line.text);
    // The header the line before held, if any: an inlining level's repeat follows its predecessor.
    const headerBefore = lastHeader?.position === position - 1 ? lastHeader.format : undefined;
    if (found) lastHeader = { position, format: found.format };
    const previous = starts.at(-1);
    const since = previous === undefined ? Infinity : line.index - previous.index;
    const open = since < MAX_REPORT_LINES;
    if (!found) {
      const machine = SYZ_MACHINE.exec(line.text);
      if (machine && !open) starts.push({ format: fuzzerFormat, match: machine, start: position, index: line.index });
      continue;
    }
    if (found.format.consequence && open) {
      // A bare register dump followed by a panic with no trace between is the panic's own
      // register dump (arm64 bad_mode, panic_bad_stack): the panic is the report.
      if (!previous?.format.givesWay || tracePrinted(lines, previous.start, position)) continue;
      starts.pop();
    }
    // A register dump alone starts a report only when no one asked for it.
    if (found.format.givesWay && !open && requestedDump(lines, position)) continue;
    if (found.format.needsEarlierOutput && firstOutput === position) continue;
    if (found.format.joinsPrevious !== undefined && since <= found.format.joinsPrevious) continue;
    if (previous?.format.absorbsNext !== undefined && since <= previous.format.absorbsNext) continue;
    // A symbolised log prints a sanitizer's header once per inlining level, innermost first
    // (`BUG: KASAN: null-ptr-deref in _test_bit include/…/instrumented-non-atomic.h:141 [inline]`,
    // then `… in gfs2_drop_inode+0x20c/0x3a0 fs/gfs2/super.c:1052`): one report, named by the
    // function the code was inlined into, the last line.
    if (previous && headerBefore === previous.format && inlinedHeaderRepeat(previous, found, lines[position - 1]?.text ?? '', line.index)) {
      previous.match = found.match;
      continue;
    }
    // A lock validator report quotes a WARNING banner of its own; keep one report.
    if (previous?.format === found.format && since < 3) continue;
    starts.push({ ...found, start: position, index: line.index });
  }
  if (starts.length === 0) {
    const excerpt = stackExcerpt(lines);
    if (excerpt) starts.push(excerpt);
  }
  return starts.map((report, index) => {
    const nextStart = starts[index + 1]?.start;
    const limit = Math.min(nextStart ?? lines.length, report.start + MAX_REPORT_LINES, lines.length);
    const end = reportEnd(lines, report.start, limit, limit === nextStart);
    const built = buildReport(report, lines.slice(report.start, end));
    if (!built.corrupted) return built;
    if (nextStart === undefined) {
      // Some vendor kernels print the call trace after the end marker (the Amlogic arm64 BSP's
      // die() dumps the stack memory, closes the oops, then unwinds): a report that lacks its
      // stack reads on past the marker when nothing else follows.
      if (end >= limit) return built;
      const past = buildReport(report, lines.slice(report.start, reportEnd(lines, report.start, limit, false, false)));
      return past.corrupted ? built : past;
    }
    const marker = report.format.ownStack;
    const close = (starts[index + 1]?.index ?? Infinity) - report.index <= 3;
    if (close && marker === undefined) return built;
    // Another report can start between a header and its stack (a panic, another CPU's report):
    // look past it for the stack before calling the report corrupted. Two banners within a few
    // lines of each other are two CPUs printing at once, and the first is truly corrupted.
    const further = Math.min(starts[index + 2]?.start ?? lines.length, report.start + MAX_REPORT_LINES, lines.length);
    const extended = buildReport(report, lines.slice(report.start, reportEnd(lines, report.start, further, further === starts[index + 2]?.start, false)));
    if (extended.corrupted) return built;
    // Close banners: only a stack that carries this report's own reporting frames is its own.
    if (close && !extended.frames.some((frame) => marker?.test(frame.normalized))) return built;
    return extended;
  });
}

const INLINED = /\s\[inline\]\s*$/;

/**
 * `found` repeats the open report's header for the next inlining level of the same function chain:
 * the line before, a header of the same format, ended in `[inline]`.
 */
function inlinedHeaderRepeat(open: OpenReport, found: HeaderMatch, before: string, index: number): boolean {
  return sameHeader(open, found) && index - open.index < 8 && INLINED.test(before);
}

/** The two headers are one format's, naming the same thing (an inlining level's repeat). */
function sameHeader(a: HeaderMatch, b: HeaderMatch): boolean {
  return a.format === b.format && a.match[1] === b.match[1];
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


function fill(template: string, groups: readonly string[], access: string, frame: string, next = ''): string {
  return template
    .replace(/\{ (\d)\}/g, (_all, n: string) => (groups[Number(n)] ? ` ${groups[Number(n)]}` : ''))
    .replace(/\{(\d)\|slug\}/g, (_all, n: string) => (groups[Number(n)] ?? '').toLowerCase().replace(/\s+/g, '-'))
    .replace(/\{(\d)\}/g, (_all, n: string) => groups[Number(n)] ?? '')
    .replace('{ Access}', access ? ` ${access}` : '')
    .replace('{Access}', access)
    .replace('{ACCESS}', access.toUpperCase())
    .replace('{frame}', frame)
    .replace('{ in frame}', frame === 'corrupted' ? '' : ` in ${frame}`)
    // Last, and by a function: the quoted line may hold `{1}` or `$&` of its own.
    .replace('{next}', () => next)
    .replace(/ {2,}/g, ' ')
    .trim();
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

const reportingOnly = makeFrameFilter(['reporting']);

/** Sources that read one stack top-down; stall and lock reports combine several. */
function singleStack(source: ReportFormat['frame']): boolean {
  return source.from === 'stack' || source.from === 'rip' || source.from === 'header';
}

/** The frames from the top of the stack down to the guilty one (all of them when it is not there). */
function framesDownTo(frames: readonly StackFrame[], guilty: string | undefined): readonly StackFrame[] {
  const at = frames.findIndex((frame) => frame.normalized === guilty);
  return at >= 0 ? frames.slice(0, at + 1) : frames;
}

function buildReport(open: OpenReport, allLines: readonly LogLine[]): OopsReport {
  let format = open.format;
  const lines = ownLines(format, allLines);
  const groups = [...open.match].map((group) => group ?? '');
  const texts = lines.map((line) => line.text);
  // lockdep_rcu_suspicious (kernel/locking/lockdep.c) prints its stack after `stack backtrace:`;
  // frames before it are the `at:` sites of held locks, and without it the stack was lost.
  const afterBacktrace = format.name === 'suspicious-rcu' ? lockTakerStack(lines) ?? [] : undefined;
  const frames = afterBacktrace ?? collectStack(lines, format === stackExcerptFormat);
  // The access line follows the header (mm/kasan/report.c); past another report's banner it may
  // be that report's, or lost in it.
  const nearby = texts.slice(1, 12);
  const banner = nearby.findIndex((text) => {
    const other = matchHeader(text);
    // The header repeated for an inlining level is not another report's banner.
    return other !== undefined && !sameHeader(open, other);
  });
  const accessLine = (banner >= 0 ? nearby.slice(0, banner) : nearby).map((text) => ACCESS.exec(text)).find(Boolean);
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
  const core = makeFrameFilter(format.skipOnly ? format.skip : alwaysSkipped, skipAlso);
  const stackFrames = frames.filter((frame) => !frame.isRip);
  let guilty: string | undefined;
  const source = format.frame;
  if (source.from === 'header') {
    const named = format.name === 'warning' ? groups[2] || groups[4] || groups[6] : groups[source.group];
    const symbol = named ? normalizeSymbol(named) : undefined;
    guilty = symbol && !skip(symbol) ? symbol : chooseGuiltyFrame(frames, skip, core)?.normalized;
    // With no stack to look past a helper, the helper the header names is the best we have,
    // unless the report is a stub (a header and a line or two: truncated).
    if (!guilty && frames.length === 0 && texts.filter((text) => text.trim() !== '').length > 4) guilty = symbol;
    // A stack cut off inside the WARN machinery never reaches a caller either.
    if (!guilty && frames.length > 0 && frames.every((frame) => reportingOnly(frame.normalized))) guilty = symbol;
  } else if (source.from === 'rip') {
    guilty = chooseGuiltyFrame(frames, skip, core)?.normalized;
    if (!guilty && stackFrames.length === 0) guilty = frames.find((frame) => frame.isRip)?.normalized;
  } else if (source.from === 'stack') {
    guilty = chooseGuiltyFrame(stackFrames, skip, core)?.normalized ?? firstGuiltyFrame(frames, skip)?.normalized;
  } else if (source.from === 'stall') {
    // The first stack may be the RCU kthread or the detecting CPU; the stalled one can come later.
    // Stacks of tasks that were switched out name what waited, not what stalled.
    const stacks = collectAllStacks(lines).filter((stack) => !isSwitchedOut(stack)).map((stack) => stalledFrames(stack));
    const anchored = stacks.map((stack) => stallAnchor(stack, skip)).find(Boolean);
    guilty = (anchored ?? (isSwitchedOut(frames) ? undefined : firstGuiltyFrame(stalledFrames(frames), skip)))?.normalized;
  } else if (source.from === 'line') {
    const named = texts.slice(1, 12).map((text) => source.pattern.exec(text)?.[1]).find(Boolean);
    guilty = named ? normalizeSymbol(named) : firstGuiltyFrame(stackFrames, skip)?.normalized;
  } else if (source.from === 'section') {
    const start = lines.findIndex((line) => source.start.test(line.text));
    const section = start >= 0 ? framesRightAfter(lines, start) : [];
    guilty = firstGuiltyFrame(section, skip)?.normalized;
    // Older kernels print no such section; a lock report then names the lock's site.
    if (!guilty && format.crashClass === 'LOCKDEP') guilty = lockSite(lines, skip);
    guilty ??= firstGuiltyFrame(stackFrames, skip)?.normalized;
  } else if (source.from === 'lockup') {
    // The watchdog prints the stuck context itself: its registers first, then its stack.
    guilty = (stallAnchor(frames, skip) ?? firstGuiltyFrame(frames, skip))?.normalized;
  } else if (source.from === 'lock') {
    // The lock's call site, else the stack of the task that took it (`stack backtrace:`).
    const current = lockTakerStack(lines) ?? stackFrames;
    guilty = lockSite(lines, skip) ?? firstGuiltyFrame(current, skip)?.normalized ?? firstGuiltyFrame(stackFrames, skip)?.normalized;
  }
  // `Call Trace:` straight followed by `---[ end trace`: the log lost the stack, the header's
  // function still names the culprit (a trimmed syslog excerpt).
  const elided = source.from === 'header' && guilty !== undefined && stackFrames.length === 0 && hasElidedTrace(texts);
  const needsFrame = title.includes('{frame}');
  let corruptedReason: string | undefined;
  // A link register alone (the faulting instruction unsymbolised, no call trace) names a suspect
  // but is not a stack: the report stays corrupted, as syzbot files it.
  const traced = source.from === 'rip' ? frames.filter((frame) => !frame.link) : (source.from === 'lock' || source.from === 'section') && guilty ? [guilty] : stackFrames;
  if (needsFrame && traced.length === 0 && !format.noStackNeeded && !elided) corruptedReason = NO_STACK;
  else if (needsFrame && guilty !== undefined && borrowedStack(frames, guilty)) corruptedReason = 'the stack is a fault-injection dump printed at the same time';
  else if (needsFrame && !guilty) corruptedReason = 'every frame of the stack is reporting machinery';
  else if (needsFrame && singleStack(source) && hasInterleavedDump(lines, framesDownTo(stackFrames, guilty))) {
    corruptedReason = 'another stack dump is printed into the stack above the guilty frame';
  } else if (needsFrame && (source.from === 'lock' || afterBacktrace) && hasDumpBeforeLockdepBacktrace(lines)) {
    corruptedReason = 'another stack dump is printed into the lock report';
  }
  // A sanitizer names the instrumented function that made the bad access in its header
  // (`BUG: KASAN: wild-memory-access in sg_read+0x…`, mm/kasan/report.c): a lost stack leaves that
  // title standing. A WARNING's function, by contrast, may be a helper only the stack can look past.
  const headerStands = corruptedReason === NO_STACK && source.from === 'header' && sanitizerFormats.includes(open.format);
  const shown = (corruptedReason === undefined || headerStands) && guilty ? titleSymbol(guilty) : 'corrupted';
  if (elided) corruptedReason = 'the stack trace was cut out of the log';

  const damaged = corruptedReason !== undefined && !elided ? format.corruptedTitle?.[groups[1] ?? ''] : undefined;
  let finalTitle = damaged ?? fill(title, groups, access, shown, texts[1]?.trim() ?? '');
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
