import { makeFrameFilter } from '../../oops/frame-filters.ts';
import type { StackFrame } from '../../oops/frames.ts';

// The frames a sanitizer adds while recording or printing a stack (save_stack, kasan_save_track,
// stack_trace_save, __asan_report_*, kcsan_setup_watchpoint): they say how the stack was taken,
// not what the code was doing.
const bookkeeping = makeFrameFilter(['reporting', 'sanitizers']);

/** How many frames a lane shows per stack: enough to tell the path, short enough for a phone. */
export const FRAMES_SHOWN = 3;

/**
 * The first frames of a stack worth naming in a diagram: reliable, not the sanitizer's own, one
 * entry per function (an inline expansion and its caller often repeat a name).
 */
export function topFrames(frames: readonly Pick<StackFrame, 'normalized' | 'reliable' | 'isRip'>[], count = FRAMES_SHOWN): string[] {
  const names: string[] = [];
  for (const frame of frames) {
    if (!frame.reliable || bookkeeping(frame.normalized)) continue;
    if (names.at(-1) === frame.normalized) continue;
    names.push(frame.normalized);
    if (names.length === count) break;
  }
  return names;
}

/** `a() ← b() ← c()`: innermost call first, as a stack reads. */
export function callPath(names: readonly string[]): string {
  return names.length === 0 ? 'stack not printed' : names.map((name) => `${name}()`).join(' ← ');
}
