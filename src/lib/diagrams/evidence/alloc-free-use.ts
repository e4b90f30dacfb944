import { framesRightAfter } from '../../oops/collect-stack.ts';
import type { LogLine } from '../../oops/log-lines.ts';
import type { SequenceActorInput, SequenceEventInput, SequenceSpecInput } from './sequence-input.ts';
import { callPath, topFrames } from './evidence-frames.ts';

/**
 * One recorded moment of an object's life, as a memory sanitizer prints it: mm/kasan/report.c
 * print_track() (`Allocated by task 3568:`, `Freed by task 3568:`; with CONFIG_KASAN_EXTRA_INFO
 * `… by task N on cpu C at S.USs:`) and mm/kfence/report.c (`allocated by task 114 on cpu 5 at
 * 4.25s:`, `freed by task …`).
 */
export interface ObjectTrack {
  pid: number;
  cpu?: number;
  /** Seconds since boot, as printed. */
  at?: string;
  /** Top frames of the recorded stack, innermost first. */
  frames: string[];
}

/** The bad access: who made it and what it was. */
export interface BadAccess {
  /** `Read of size 4`, `Use-after-free read`. */
  what: string;
  pid?: number;
  comm?: string;
  cpu?: number;
  frames: string[];
}

/** What a memory-sanitizer report says about one object, in the order it happened. */
export interface ObjectHistory {
  /** `KASAN`, `KFENCE`. */
  tool: string;
  /** The report's title, e.g. `KASAN: use-after-free Read in aead_recvmsg`. */
  title: string;
  /** The bug kind from the header, e.g. `use-after-free`. */
  kind: string;
  /** The object, e.g. `kmalloc-128 object at ffff8801c1afdb40`. */
  object: string;
  /** Caption of the highlighted bad access, e.g. `use-after-free: Read of size 4, 28 bytes inside of the 128-byte object`. */
  caption: string;
  allocated?: ObjectTrack;
  freed?: ObjectTrack;
  access: BadAccess;
  /** 1-based lines of the report in the input. */
  startLine: number;
  endLine: number;
}

// A `Allocated by task` line matches this track regex in both sanitizers; the first letter's case
// differs between KASAN and KFENCE.
export const TRACK = /^(?:.*\] )?([Aa]llocated|[Ff]reed) by task (\d+)(?: on cpu (\d+) at (\d+\.\d+)s)?.*:\s*$/;

/** The track a `TRACK` match at line `index` starts, with the top frames printed under it. */
export function readObjectTrack(lines: readonly LogLine[], index: number, match: RegExpExecArray): ObjectTrack {
  return {
    pid: Number(match[2]),
    ...(match[3] !== undefined ? { cpu: Number(match[3]) } : {}),
    ...(match[4] !== undefined ? { at: match[4] } : {}),
    frames: topFrames(framesRightAfter(lines, index)),
  };
}

function taskLabel(role: string, track: ObjectTrack): string {
  return `${role} by task ${track.pid}${track.cpu !== undefined ? ` · CPU ${track.cpu}` : ''}`;
}

function at(track: ObjectTrack | undefined): string {
  return track?.at ? `at ${track.at} s: ` : '';
}

/**
 * The object's life as a sequence: the allocating, freeing and faulting contexts, left to right
 * in the order they acted on it, each arrow naming the top frames of its stack; the bad access is
 * the highlighted window.
 */
export function objectHistorySequence(history: ObjectHistory): SequenceSpecInput {
  const actors: SequenceActorInput[] = [];
  const events: SequenceEventInput[] = [];
  if (history.allocated) {
    actors.push({ id: 'alloc', label: taskLabel('Allocated', history.allocated) });
    events.push({ from: 'alloc', to: 'object', text: `${at(history.allocated)}allocates: ${callPath(history.allocated.frames)}` });
  }
  if (history.freed) {
    actors.push({ id: 'free', label: taskLabel('Freed', history.freed) });
    events.push({ from: 'free', to: 'object', text: `${at(history.freed)}frees: ${callPath(history.freed.frames)}` });
  }
  const access = history.access;
  const who = access.pid !== undefined ? `task ${access.pid}${access.comm ? ` (${access.comm})` : ''}` : (access.comm ?? 'the faulting task');
  actors.push({ id: 'access', label: `Bad access by ${who}${access.cpu !== undefined ? ` · CPU ${access.cpu}` : ''}` });
  actors.push({ id: 'object', label: history.object });
  const missing = [!history.allocated && 'allocation', !history.freed && 'free'].filter(Boolean);
  events.push({
    window: history.caption,
    events: [{ from: 'access', to: 'object', text: `${access.what}: ${callPath(access.frames)}` }],
  });
  const described = [history.allocated && 'allocating', history.freed && 'freeing', 'faulting'].filter(Boolean) as string[];
  return {
    kind: 'sequence',
    title: history.title,
    description: [
      `Drawn from a ${history.tool} report (lines ${history.startLine}–${history.endLine}) by \`oopsbook diagram --from\`: the ${described.join(', ').replace(/, (?=[^,]*$)/, ' and ')} task${described.length > 1 ? 's' : ''}, each with the top frames of its stack, innermost first.`,
      missing.length > 0 ? `The report prints no ${missing.join(' or ')} record.` : '',
    ].filter(Boolean).join(' '),
    actors,
    events,
  };
}
