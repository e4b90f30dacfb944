import type { EvidenceResult } from './evidence-result.ts';
import { followValue } from './follow-value.ts';
import { parseFtraceLine, type FtraceLine } from './parse-ftrace-line.ts';
import type { PlainEventInput, SequenceActorInput, SequenceEventInput } from './sequence-input.ts';
import { formatDelta } from './time-delta.ts';

/** How to draw a trace: `oopsbook diagram --from FILE [--follow V]... [--by cpu|task] [--last N]`. */
export interface FtraceOptions {
  /** Keep only events that mention one of these values. */
  follow?: readonly string[];
  /** One lane per CPU (the default) or one per task. */
  by?: 'cpu' | 'task';
  /** Keep at most this many events, the last ones. */
  last?: number;
}

/** A diagram taller than this stops being read; longer traces keep their last events. */
export const DEFAULT_EVENT_LIMIT = 40;
// Long fields (a list of ring entries, a packet dump) are cut: Mermaid does not wrap arrow
// labels, and a longer one runs past the edge of the diagram.
const TEXT_LIMIT = 84;
// A kprobe event prints its probe site first (kernel/trace/trace_kprobe.c print_kprobe_event:
// ` (%pS)`); the event's name already says where it fired.
const PROBE_SITE = /^\([\w.$]+\+0x[0-9a-f]+\/0x[0-9a-f]+\)\s*/;

interface Lane {
  id: string;
  key: string;
  /** `CPU 2`, or the task as first printed: `iperf2-127018`. */
  name: string;
  /** Tasks seen on a CPU lane, or CPUs seen on a task lane, in order of appearance. */
  seen: string[];
}

const cut = (text: string, limit: number) => (text.length > limit ? `${text.slice(0, limit - 1).trimEnd()}…` : text);

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

function listed(items: readonly string[], conjunction = 'and'): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} ${conjunction} ${items.at(-1)}`;
}

/**
 * Draws an ftrace text log as a sequence: one lane per CPU (or task), the events top to bottom in
 * timestamp order, each arrow labelled with the time since the one above. With followed values,
 * only the events that mention them are drawn, each as an arrow from its CPU to the value's own
 * lane, so a descriptor's path across CPUs reads from top to bottom; events that mention two
 * followed values at once are highlighted, since that is where their paths meet.
 */
export function ftraceToSequence(text: string, options: FtraceOptions = {}): EvidenceResult {
  const lines = text.split('\n');
  const all: FtraceLine[] = [];
  lines.forEach((raw, index) => {
    const parsed = parseFtraceLine(raw, index + 1);
    if (parsed) all.push(parsed);
  });
  if (all.length === 0) return { ok: false, line: 1, message: 'no ftrace lines (`task-pid [cpu] flags timestamp: event: fields`) found' };
  // Per-CPU buffers are merged by timestamp when read, but a log may be several captures or
  // hand-picked lines: sort, keeping the printed order for equal times.
  const ordered = all.map((event, index) => ({ event, index })).sort((a, b) => (a.event.time < b.event.time ? -1 : a.event.time > b.event.time ? 1 : a.index - b.index)).map(({ event }) => event);
  const clocks = new Set(ordered.map((event) => event.seconds));
  if (clocks.size > 1) return { ok: false, line: ordered.find((event) => !event.seconds)!.line, message: 'the trace mixes timestamps in seconds with counter-clock timestamps' };

  const followed = (options.follow ?? []).map(followValue);
  // Which followed values each event mentions, by index into `followed`; read once per event.
  const mentioned = new Map<FtraceLine, number[]>();
  if (followed.length > 0) {
    for (const event of ordered) {
      const hits = followed.flatMap((value, index) => (value.matches(`${event.event}: ${event.fields}`) ? [index] : []));
      if (hits.length > 0) mentioned.set(event, hits);
    }
  }
  const matching = followed.length > 0 ? ordered.filter((event) => mentioned.has(event)) : ordered;
  if (matching.length === 0) {
    return { ok: false, line: ordered[0]!.line, message: `none of the ${plural(ordered.length, 'trace event')} (lines ${ordered[0]!.line}–${ordered.at(-1)!.line}) mentions ${listed(followed.map((value) => value.given), 'or')}` };
  }
  const limit = options.last ?? DEFAULT_EVENT_LIMIT;
  const kept = matching.slice(-limit);

  const by = options.by ?? 'cpu';
  const lanes = new Map<string, Lane>();
  // A task is its pid: its name can change (exec, prctl) and is printed as saved at the time.
  const laneOf = (event: FtraceLine): Lane => {
    const key = String(by === 'cpu' ? event.cpu : event.pid);
    let lane = lanes.get(key);
    if (!lane) {
      lane = { id: by === 'cpu' ? `cpu-${event.cpu}` : `task-${event.pid}`, key, name: by === 'cpu' ? `CPU ${event.cpu}` : `${event.task}-${event.pid}`, seen: [] };
      lanes.set(key, lane);
    }
    const other = by === 'cpu' ? `${event.task}-${event.pid}` : event.task === lane.name.slice(0, lane.name.lastIndexOf('-')) ? `CPU ${event.cpu}` : `CPU ${event.cpu} as ${event.task}`;
    if (!lane.seen.includes(other)) lane.seen.push(other);
    return lane;
  };
  for (const event of kept) laneOf(event);
  const valueLanes = followed
    .map((value, index) => ({ value, index, id: `value-${index + 1}` }))
    .filter(({ index }) => kept.some((event) => mentioned.get(event)?.includes(index)));
  if (lanes.size + valueLanes.length < 2) {
    const only = [...lanes.values()][0]!;
    const hint = by === 'cpu' ? 'draw one lane per task with --by task, or follow a value with --follow' : 'follow a value with --follow';
    return { ok: false, line: kept[0]!.line, message: `every event kept is on ${by === 'cpu' ? only.name : `task ${only.name}`}, and a sequence needs two lanes: ${hint}` };
  }

  const sortedLanes = [...lanes.values()].sort((a, b) => (by === 'cpu' ? Number(a.key) - Number(b.key) : 0));
  const actors: SequenceActorInput[] = [
    ...sortedLanes.map((lane) => ({
      id: lane.id,
      label: `${lane.name} · ${lane.seen.length > 2 ? `${lane.seen.slice(0, 2).join(', ')}…` : lane.seen.join(', ')}`,
    })),
    ...valueLanes.map(({ value, id }) => ({ id, label: value.given })),
  ];

  const events: SequenceEventInput[] = [];
  let previous: FtraceLine | undefined;
  let meeting: { window: string; events: PlainEventInput[] } | undefined;
  for (const event of kept) {
    const lane = laneOf(event);
    // The first event's time is in the description; its arrow only says it is where time starts.
    const delta = previous ? formatDelta(event.time - previous.time, event.seconds) : 'start';
    previous = event;
    const who = by === 'cpu' && lane.seen.length > 1 ? `${event.task}-${event.pid} ` : '';
    const fields = event.fields.replace(PROBE_SITE, '');
    const body = event.fields.startsWith('<-') ? `${event.event} ${fields}` : `${event.event}: ${fields}`;
    const text = cut(`${delta} · ${who}${body}`, TEXT_LIMIT);
    const hits = valueLanes.filter(({ index }) => mentioned.get(event)?.includes(index));
    const target = hits[0]?.id ?? lane.id;
    const arrow: PlainEventInput = { from: lane.id, to: target, text };
    if (hits.length > 1) {
      meeting ??= { window: `${listed(hits.map(({ value }) => value.given))} in one event`, events: [] };
      meeting.events.push(arrow);
      continue;
    }
    if (meeting) events.push(meeting);
    meeting = undefined;
    events.push(arrow);
  }
  if (meeting) events.push(meeting);

  const laneWord = by === 'cpu' ? 'CPU' : 'task';
  const laneNames = sortedLanes.map((lane) => lane.key);
  const scope = followed.length > 0 ? `those that mention ${listed(followed.map((value) => value.given), 'or')}` : 'in timestamp order';
  const leftOut: string[] = [];
  if (matching.length < ordered.length) leftOut.push(`${plural(ordered.length - matching.length, 'event')} without a followed value`);
  if (kept.length < matching.length) leftOut.push(`the first ${plural(matching.length - kept.length, followed.length > 0 ? 'matching event' : 'event')} (only the last ${kept.length} are kept)`);
  const span = `${kept[0]!.timestamp} and ${kept.at(-1)!.timestamp}${kept[0]!.seconds ? ' s' : ''}`;
  const description = [
    `Drawn from an ftrace log by \`oopsbook diagram --from\`: ${kept.length} of ${plural(ordered.length, 'trace event')} (lines ${ordered[0]!.line}–${ordered.at(-1)!.line}), ${scope}, between ${span}.`,
    leftOut.length > 0 ? `Left out: ${listed(leftOut)}.` : 'Nothing was left out.',
    `One lane per ${laneWord}${valueLanes.length > 0 ? ' and one per followed value' : ''}; each arrow after the first starts with the time since the arrow above.`,
  ].join(' ');
  const title = followed.length > 0
    ? `ftrace: ${listed(valueLanes.map(({ value }) => value.given))} across ${by === 'cpu' ? `CPU${laneNames.length === 1 ? '' : 's'} ${listed(laneNames)}` : plural(laneNames.length, 'task')}`
    : `ftrace: ${kept.length < ordered.length ? `the last ${plural(kept.length, 'event')}` : plural(kept.length, 'event')} on ${by === 'cpu' ? `CPUs ${listed(laneNames)}` : plural(laneNames.length, 'task')}`;
  return { ok: true, spec: { kind: 'sequence', title, description, actors, events } };
}
