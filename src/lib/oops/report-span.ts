import type { LogLine } from './log-lines.ts';

/*
 * Where a report's lines end. A report runs from its header to the next report's header at most,
 * but the kernel says itself where it stopped: oops_exit() and __warn() close an oops or a WARNING
 * with `---[ end trace <id> ]---` (kernel/panic.c print_oops_end_marker()), and panic() closes
 * with `---[ end Kernel panic - not syncing: <reason> ]---`. Without such a marker the report
 * ends with its last printed line: blank lines after it, and the banner that opens the next
 * report (`------------[ cut here ]------------` before a WARNING, the `=====` rule before a
 * sanitizer or lock validator report), belong to no report.
 *
 * Stall and lockup reports collect several CPUs' backtraces and print no marker between them,
 * so they run on until another report or the end of the log, like any report without a marker.
 */

// kernel/panic.c print_oops_end_marker() and panic(); `end Kernel panic` since 3.x.
const END_MARKER = /^-{3}\[ end (?:trace\b|Kernel panic\b)/;
// __die()'s "executive summary in case the oops scrolled away" (arch/x86/kernel/dumpstack.c):
// `EIP: [<c04ac80f>] __remove_from_page_cache+0x4d/0xab SS:ESP 0068:d6959e28` on i386, and on
// x86-64 `RIP  [<ffffffff8144d081>] __free_pages+0x21/0x80` with ` RSP <ffff8801c5777940>`.
const DIE_SUMMARY = /^(?:EIP: \[<[0-9a-f]{8}>\] .{1,300} SS:ESP [0-9a-f]{4}:[0-9a-f]{8}|\s{0,2}RSP <[0-9a-f]{16}>)\s*$/;
const CR2 = /^CR2: [0-9a-f]{8,16}\s*$/;
// What opens a report, printed on the line(s) before its header: __warn()'s `cut here` line
// (include/asm-generic/bug.h CUT_HERE), and the rules KASAN, KCSAN, UBSAN and lockdep draw.
const OPENING_RULE = /^(?:-{5,}\[ cut here ?\]-{5,}|={10,}|-{10,})\s*$/;
// A marker or the last line of a report can carry other writers' text after it on a console;
// a blank line is one that holds nothing once the prefixes are gone.
const isBlank = (line: LogLine | undefined) => line !== undefined && line.text.trim() === '';

/**
 * The position after the last line of the report whose header is at `start`, looking no further
 * than `limit` (the next report's header, or the end of what may be read). `followed` tells
 * whether another report starts at `limit`, whose opening lines are then left to it. `markers`
 * false reads past end markers (a report whose stack was printed after another report's).
 */
export function reportEnd(lines: readonly LogLine[], start: number, limit: number, followed: boolean, markers = true): number {
  // Kernels older than the marker end an x86 oops with __die()'s summary line, then the fault
  // address (arch/x86/mm/fault.c no_context()); what follows is other messages.
  let summary = -1;
  for (let position = start + 1; markers && position < limit; position++) {
    const text = lines[position]?.text ?? '';
    const first = text.charCodeAt(0);
    // '-': the end marker; 'E': `EIP: [<`; ' ' or 'R': ` RSP <`, short.
    if (first === 0x2d) {
      if (text.startsWith('---[ end') && END_MARKER.test(text)) return position + 1;
    } else if (summary < 0 && (first === 0x45 ? text.startsWith('EIP: [<') : (first === 0x20 || first === 0x52) && text.length < 40) && DIE_SUMMARY.test(text)) {
      summary = position;
    }
  }
  let end = limit;
  if (summary >= 0) {
    end = summary + 1;
    if (end < limit && CR2.test(lines[end]?.text ?? '')) end++;
  }
  while (end > start + 1 && isBlank(lines[end - 1])) end--;
  if (followed && end > start + 1 && OPENING_RULE.test(lines[end - 1]?.text ?? '')) {
    end--;
    while (end > start + 1 && isBlank(lines[end - 1])) end--;
  }
  return end;
}
