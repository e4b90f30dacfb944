import { framesRightAfter } from '../../oops/collect-stack.ts';
import { toLogLines } from '../../oops/log-lines.ts';
import type { OopsReport } from '../../oops/report-types.ts';
import { objectHistorySequence, readObjectTrack, TRACK, type ObjectTrack } from './alloc-free-use.ts';
import { topFrames } from './evidence-frames.ts';
import type { SequenceSpecInput } from './sequence-input.ts';

// mm/kasan/report.c print_error_description(): `BUG: KASAN: slab-use-after-free in f+0x…`, then
// `Read of size 4 at addr ffff… by task comm/pid` (before 4.11: `… by task comm/pid` on its own
// line after `… at addr` in the header).
const HEADER = /^BUG: KASAN: ([a-z0-9-]+)/;
const ACCESS = /^(Read|Write) of size (\d+)(?: at addr ([0-9a-f]+))? by task (.+)\/(\d+)\s*$/;
// describe_object(): `The buggy address belongs to the object at ffff…` / ` which belongs to the
// cache kmalloc-128 of size 128`, then `The buggy address is located 28 bytes inside of` /
// ` 128-byte region [ffff…, ffff…)`.
const OBJECT = /^The buggy address belongs to the object at ([0-9a-f]+)/;
const CACHE = /which belongs to the cache (\S+) of size (\d+)/;
const LOCATED = /^The buggy address is located (\d+ bytes (?:inside|to the right|to the left) of)/;
const REGION = /^\s*(\d+)-byte region/;
// Kernels before 4.11 print `Allocated:` / `Freed:` and `PID = 4655` on the next line.
// Before 4.11, one line: `Object at ffff…, in cache skbuff_head_cache size: 248`; the access
// address is in the header (`… at addr ffff…`).
const OLD_OBJECT = /^Object at ([0-9a-f]+), in cache (\S+) size: (\d+)/;
const HEADER_ADDRESS = / at addr ([0-9a-f]+)/;
const OLD_TRACK = /^(Allocated|Freed):\s*$/;
const OLD_PID = /^PID = (\d+)/;

/** The allocation, free and bad access of a KASAN report, as a sequence; undefined for other reports. */
export function kasanToSequence(report: OopsReport): SequenceSpecInput | undefined {
  const lines = toLogLines(report.text);
  const header = HEADER.exec(lines[0]?.text ?? '');
  if (!header) return undefined;
  let allocated: ObjectTrack | undefined;
  let freed: ObjectTrack | undefined;
  let access: RegExpExecArray | undefined;
  let object: string | undefined;
  let cache: string | undefined;
  let located: string | undefined;
  let size: string | undefined;
  lines.forEach((line, index) => {
    const text = line.text.trim();
    access ??= ACCESS.exec(text) ?? undefined;
    const track = TRACK.exec(text);
    if (track) {
      if (/^a/i.test(track[1]!)) allocated ??= readObjectTrack(lines, index, track);
      else freed ??= readObjectTrack(lines, index, track);
    }
    const old = OLD_TRACK.exec(text);
    const pid = old ? OLD_PID.exec(lines[index + 1]?.text.trim() ?? '') : undefined;
    if (old && pid) {
      const track: ObjectTrack = { pid: Number(pid[1]), frames: topFrames(framesRightAfter(lines, index + 1)) };
      if (old[1] === 'Allocated') allocated ??= track;
      else freed ??= track;
    }
    object ??= OBJECT.exec(text)?.[1];
    const oldObject = OLD_OBJECT.exec(text);
    if (oldObject && !object) {
      object = oldObject[1];
      cache = oldObject[2];
      size = oldObject[3];
    }
    cache ??= CACHE.exec(text)?.[1];
    located ??= LOCATED.exec(text)?.[1];
    size ??= REGION.exec(text)?.[1];
  });
  // Old reports print no offset: it is the access address less the object's.
  const address = access?.[3] ?? HEADER_ADDRESS.exec(lines[0]!.text)?.[1];
  if (!located && object && address && size) {
    const offset = BigInt(`0x${address}`) - BigInt(`0x${object}`);
    if (offset >= 0n && offset < BigInt(size)) located = `${offset} bytes inside of`;
  }
  // The faulting stack: from the frame the report blames, past KASAN's own reporting frames.
  const guilty = report.frames.findIndex((frame) => frame.normalized === report.guiltyFrame);
  const faulting = topFrames(guilty >= 0 ? report.frames.slice(guilty) : report.frames);
  const what = access ? `${access[1]} of size ${access[2]}` : 'bad access';
  return objectHistorySequence({
    tool: 'KASAN',
    title: report.title,
    kind: header[1]!,
    object: object ? `${cache ? `${cache} ` : ''}object at ${object}` : 'the object',
    caption: `${header[1]}: ${what}${located ? `, ${located} the ${size ? `${size}-byte ` : ''}object` : ''}`,
    ...(allocated ? { allocated } : {}),
    ...(freed ? { freed } : {}),
    access: {
      what,
      ...(access ? { pid: Number(access[5]), comm: access[4]! } : report.pid !== undefined ? { pid: report.pid, ...(report.comm ? { comm: report.comm } : {}) } : {}),
      ...(report.cpu !== undefined ? { cpu: report.cpu } : {}),
      frames: faulting,
    },
    startLine: report.startLine,
    endLine: report.endLine,
  });
}
