import { framesRightAfter } from '../../oops/collect-stack.ts';
import { toLogLines } from '../../oops/log-lines.ts';
import type { OopsReport } from '../../oops/report-types.ts';
import { objectHistorySequence, readObjectTrack, TRACK, type ObjectTrack } from './alloc-free-use.ts';
import { topFrames } from './evidence-frames.ts';
import type { SequenceSpecInput } from './sequence-input.ts';

// mm/kfence/report.c kfence_report_error(): `BUG: KFENCE: use-after-free read in f+0x…`, then the
// access with its stack (`Use-after-free read at 0x… (in kfence-#31):`, `Out-of-bounds read at
// 0x… (1B left of kfence-#24):`, `Corrupted memory at 0x… [ … ] (in kfence-#88):`, `Invalid
// free of 0x… (in kfence-#33):`), then the object (`kfence-#31 [0x…-0x…, size=32,
// cache=kmalloc-32] allocated by task 114:`; before 5.12 `kfence-#31 [0x…-0x…, size=32,
// cache=kmalloc-32]` and the track on its own line), `freed by task 114:`. Documentation/dev-tools/kfence.rst.
const HEADER = /^BUG: KFENCE: ([a-z -]+?)(?: (read|write))? in /;
const ACCESS = /^((?:Use-after-free|Out-of-bounds|Invalid|Corrupted memory|Invalid free)(?: (?:read|write))?) (?:at|of) (0x[0-9a-f]+).*\((.+)\):\s*$/;
const OBJECT = /^(kfence-#\d+):? \[?(0x[0-9a-f]+)-0x[0-9a-f]+, size=(\d+), cache=([^\]\s]+)/;

/** The allocation, free and bad access of a KFENCE report, as a sequence; undefined for other reports. */
export function kfenceToSequence(report: OopsReport): SequenceSpecInput | undefined {
  const lines = toLogLines(report.text);
  const header = HEADER.exec(lines[0]?.text ?? '');
  if (!header) return undefined;
  let allocated: ObjectTrack | undefined;
  let freed: ObjectTrack | undefined;
  let access: { match: RegExpExecArray; frames: string[] } | undefined;
  let object: RegExpExecArray | undefined;
  lines.forEach((line, index) => {
    const text = line.text.trim();
    const bad = access ? undefined : ACCESS.exec(text);
    if (bad) access = { match: bad, frames: topFrames(framesRightAfter(lines, index)) };
    object ??= OBJECT.exec(text) ?? undefined;
    // The track can share the object's line: `kfence-#31 [...] allocated by task 114:`.
    const track = TRACK.exec(text.replace(/^kfence-#\d+ \[[^\]]*\] /, ''));
    if (track) {
      if (/^a/i.test(track[1]!)) allocated ??= readObjectTrack(lines, index, track);
      else freed ??= readObjectTrack(lines, index, track);
    }
  });
  const what = access?.match[1] ?? `${header[1]}${header[2] ? ` ${header[2]}` : ''}`;
  return objectHistorySequence({
    tool: 'KFENCE',
    title: report.title,
    kind: header[1]!,
    object: object ? `${object[4]} object ${object[1]} at ${object[2]}` : 'the object',
    caption: `${what}${access ? ` (${access.match[3]})` : ''}`,
    ...(allocated ? { allocated } : {}),
    ...(freed ? { freed } : {}),
    access: {
      what,
      ...(report.pid !== undefined ? { pid: report.pid } : {}),
      ...(report.comm ? { comm: report.comm } : {}),
      ...(report.cpu !== undefined ? { cpu: report.cpu } : {}),
      frames: access?.frames ?? topFrames(report.frames),
    },
    startLine: report.startLine,
    endLine: report.endLine,
  });
}
