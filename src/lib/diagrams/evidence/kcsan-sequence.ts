import { framesRightAfter } from '../../oops/collect-stack.ts';
import { toLogLines } from '../../oops/log-lines.ts';
import type { OopsReport } from '../../oops/report-types.ts';
import { callPath, topFrames } from './evidence-frames.ts';
import type { PlainEventInput, SequenceActorInput, SequenceEventInput, SequenceSpecInput } from './sequence-input.ts';

// kernel/kcsan/report.c print_report(): each access as `<type> to 0x<ptr> of <size> bytes by
// <task N|interrupt> on cpu <C>:` followed by its stack. The other thread's access comes first,
// then the one of the thread that set the watchpoint and reports; a race whose other side was not
// seen prints only the latter, as `race at unknown origin, with <type> to …`. The type is
// `read`, `write`, `read-write`, with `(marked)`, `(scoped)` or `(reordered)` qualifiers, or an
// assertion (`assert no writes`). `value changed: 0x… -> 0x…` follows when the watcher saw the
// value change. Documentation/dev-tools/kcsan.rst, "Error reports".
const ACCESS = /^(race at unknown origin, with )?(.+?) to 0x([0-9a-f]+) of (\d+) bytes by (task \d+|interrupt) on cpu (\d+):\s*$/;
const VALUE_CHANGED = /^value changed: (0x[0-9a-f]+) -> (0x[0-9a-f]+)/;

interface Access {
  type: string;
  address: string;
  size: number;
  by: string;
  cpu: number;
  frames: string[];
}

/** The racing accesses of a KCSAN report, as a sequence; undefined for other reports. */
export function kcsanToSequence(report: OopsReport): SequenceSpecInput | undefined {
  const lines = toLogLines(report.text);
  if (!/^BUG: KCSAN: /.test(lines[0]?.text ?? '')) return undefined;
  const accesses: Access[] = [];
  let unknownOrigin = false;
  let change: RegExpExecArray | undefined;
  lines.forEach((line, index) => {
    const text = line.text.trim();
    const access = ACCESS.exec(text);
    if (access && accesses.length < 2) {
      if (access[1]) unknownOrigin = true;
      accesses.push({ type: access[2]!, address: access[3]!, size: Number(access[4]), by: access[5]!, cpu: Number(access[6]), frames: topFrames(framesRightAfter(lines, index)) });
    }
    change ??= VALUE_CHANGED.exec(text) ?? undefined;
  });
  if (accesses.length === 0) return undefined;
  const memory = accesses[0]!;
  const actors: SequenceActorInput[] = accesses.map((access, index) => ({ id: `access-${index + 1}`, label: `${access.by === 'interrupt' ? 'Interrupt' : access.by.replace(/^task/, 'Task')} · CPU ${access.cpu}` }));
  if (unknownOrigin) actors.unshift({ id: 'unknown', label: 'Unknown writer (not seen)' });
  actors.push({ id: 'memory', label: `0x${memory.address} (${memory.size} byte${memory.size === 1 ? '' : 's'})` });
  const racing: PlainEventInput[] = accesses.map((access, index) => ({ from: `access-${index + 1}`, to: 'memory', text: `${access.type} (${access.size} byte${access.size === 1 ? '' : 's'}): ${callPath(access.frames)}` }));
  if (change) racing.push({ note: `value changed: ${change[1]} → ${change[2]}`, over: ['memory'] });
  const events: SequenceEventInput[] = [];
  if (unknownOrigin) {
    events.push({ from: 'unknown', to: 'memory', text: 'a write KCSAN did not observe', reply: true });
  }
  const caption = unknownOrigin
    ? 'the value changed while the access was watched: the other side is unknown'
    : 'data race: the two accesses overlap, and neither is ordered before the other';
  events.push({ window: caption, events: racing });
  const header = lines[0]!.text.replace(/^BUG: /, '').trim();
  return {
    kind: 'sequence',
    title: report.title || header,
    description: [
      `Drawn from a KCSAN report (lines ${report.startLine}–${report.endLine}) by \`oopsbook diagram --from\`:`,
      unknownOrigin
        ? 'the watched access with the top frames of its stack; KCSAN saw the value change under it but not the access that changed it.'
        : 'the two racing accesses in the order the report prints them (the other thread first, then the thread that set the watchpoint), each with the top frames of its stack.',
      change ? `The watcher saw the value change from ${change[1]} to ${change[2]}.` : '',
    ].filter(Boolean).join(' '),
    actors,
    events,
  };
}
