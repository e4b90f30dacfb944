/**
 * One line of ftrace's text output (`/sys/kernel/tracing/trace`, `trace_pipe`, `trace-cmd report`).
 * kernel/trace/trace_output.c trace_print_context() prints the context as
 * `%16s-%-7d ` (task and pid), an optional `(%7d) ` tgid column (the `record-tgid` option),
 * `[%03d] ` (the CPU), the irq-info column when the `irq-info` option is on (four flag characters,
 * five since the migrate-disable column of 5.13: `d.Z1.`), then the timestamp and `: `.
 * Documentation/trace/ftrace.rst "Output format" names the columns. The timestamp is seconds with
 * microseconds (`%5lu.%06lu`), nanoseconds with a `ns` clock, or a bare count with counter
 * clocks (`x86-tsc`, `counter`). What follows is an event (`name: fields`, for tracepoints,
 * kprobes, `trace_printk()` and `tracing_mark_write:` trace_marker writes) or a function
 * tracer entry (`func <-parent`).
 */
export interface FtraceLine {
  /** 1-based line in the input. */
  line: number;
  /** The task as printed: `<idle>`, `kworker/0:1`, `<...>` when the comm was not saved. */
  task: string;
  pid: number;
  cpu: number;
  /** Irq-info flags as printed (`d.Z1.`), absent when the column is off. */
  flags?: string;
  /** The timestamp as printed, e.g. `542812.657026`. */
  timestamp: string;
  /** Nanoseconds for a seconds timestamp; the raw count for a counter clock. */
  time: bigint;
  /** True when the timestamp counts seconds (it has a fraction), false for a counter clock. */
  seconds: boolean;
  /** Event name (`sched_switch`, `tracing_mark_write`, `__xsk_rcv_zc_L7`) or the traced function. */
  event: string;
  /** The event's fields, or `<-parent` for a function tracer entry. */
  fields: string;
}

// The task name is at most TASK_COMM_LEN - 1 = 15 characters and may hold blanks and dashes; the
// pid is the last dash-separated number before the CPU column.
const CONTEXT = /^\s*(?<task>\S.{0,40}?)-(?<pid>\d{1,10})\s+(?:\(\s*(?:\d{1,10}|-+)\)\s+)?\[(?<cpu>\d{1,5})\]\s+(?:(?<flags>\S{3,6})\s+)?(?<ts>\d{1,12}(?:\.\d{1,9})?):\s(?<rest>.*)$/;
// `func <-parent` (function tracer) and trace-cmd's `function: func <-- parent`.
const FUNCTION_ENTRY = /^(?<func>[\w.$]+)\s+<-{1,2}\s*(?<parent>\S+)\s*$/;
const EVENT = /^(?<event>[\w.:$-]{1,100}?):(?:\s+(?<fields>.*))?$/;

/** Reads one line of ftrace output; undefined for headers (`#`), blank and unrelated lines. */
export function parseFtraceLine(text: string, line: number): FtraceLine | undefined {
  if (text.length > 4000 || !text.includes('[')) return undefined;
  const context = CONTEXT.exec(text.replace(/\r$/, ''))?.groups;
  if (!context) return undefined;
  const rest = (context.rest ?? '').trim();
  const function_ = FUNCTION_ENTRY.exec(rest)?.groups;
  const event = function_ ? undefined : EVENT.exec(rest)?.groups;
  if (!function_ && !event) return undefined;
  const stamp = context.ts!;
  const [whole, fraction] = stamp.split('.');
  const time = fraction === undefined ? BigInt(whole!) : BigInt(whole!) * 1_000_000_000n + BigInt(fraction.padEnd(9, '0'));
  return {
    line,
    task: context.task!.trim(),
    pid: Number(context.pid),
    cpu: Number(context.cpu),
    ...(context.flags ? { flags: context.flags } : {}),
    timestamp: stamp,
    time,
    seconds: fraction !== undefined,
    event: function_ ? function_.func! : event!.event!,
    fields: function_ ? `<-${function_.parent}` : (event!.fields ?? '').trim(),
  };
}
