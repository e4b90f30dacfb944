import { parseFrameLine, type StackFrame } from './frames.ts';
import type { LogLine } from './log-lines.ts';

/*
 * A stack trace is printed line by line with printk; when another task dumps its own stack at the
 * same time (fault injection's dump, an allocation-failure warning), the two dumps' frames
 * interleave. The frames on either side of such a dump's first lines may belong to two different
 * stacks, so the order they give cannot be trusted to name a culprit. Ordinary messages from
 * other writers bring no frames of their own and are tolerated.
 */

const STACK_START = /^\s*(?:Call Trace|Call trace|Backtrace|backtrace):?\s*$/;

// The first lines of another stack dump: dump_stack's own header (lib/dump_stack.c
// dump_stack_print_info), fault injection announcing the failure it forces before dumping the
// stack (lib/fault-inject.c fail_dump), and an allocation-failure warning with its cpuset line
// (mm/page_alloc.c warn_alloc, kernel/cgroup/cpuset.c cpuset_print_current_mems_allowed).
const ANOTHER_DUMP = /^(?:CPU: \d+ PID: -?\d+ Comm: |Hardware name: |FAULT_INJECTION: forcing a failure|\S+: (?:page |vmalloc: )?allocation failure: |\S+ cpuset=|\s*mems_allowed=)/;

/**
 * True when another stack dump starts between two frames of the report's primary stack
 * (`frames`, in order, RIP lines aside). Lines after the last of `frames` do not count.
 */
export function hasInterleavedDump(lines: readonly LogLine[], frames: readonly StackFrame[]): boolean {
  const wanted = frames.filter((frame) => !frame.isRip);
  if (wanted.length < 2) return false;
  const start = lines.findIndex((line) => STACK_START.test(line.text));
  if (start < 0) return false;
  // Most stacks have no such line at all: find that out before matching frames.
  if (!lines.some((line, index) => index > start && ANOTHER_DUMP.test(line.text))) return false;
  let next = 0;
  let pending = false;
  for (let index = start + 1; index < lines.length && next < wanted.length; index++) {
    const text = lines[index]?.text ?? '';
    if (ANOTHER_DUMP.test(text)) {
      pending = true;
      continue;
    }
    const frame = text.length <= 400 ? parseFrameLine(text) : undefined;
    if (!frame || frame.isRip || frame.normalized !== wanted[next]?.normalized) continue;
    if (next > 0 && pending) return true;
    next++;
    pending = false;
  }
  return false;
}

const LOCKDEP_BACKTRACE = /^stack backtrace:$/;
const DUMP_HEADER = /^(?:CPU: \d+ PID: -?\d+ Comm: |\s*Call Trace:?\s*$)/;

/**
 * The lock validator prints its report, then `stack backtrace:`, then its own dump_stack()
 * (kernel/locking/lockdep.c). A dump header before that line is another task's stack printed into
 * the middle of the report, which can then mix the two tasks' lock details.
 */
export function hasDumpBeforeLockdepBacktrace(lines: readonly LogLine[]): boolean {
  const backtrace = lines.findIndex((line) => LOCKDEP_BACKTRACE.test(line.text));
  if (backtrace < 0) return false;
  return lines.slice(1, backtrace).some((line) => DUMP_HEADER.test(line.text));
}
