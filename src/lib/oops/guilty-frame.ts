import type { StackFrame } from './frames.ts';

/**
 * A stall report prints the stack of the CPU the watchdog caught. The frames above the
 * interrupt (timer, RCU and watchdog machinery) are how it was caught; the code that would not
 * let go starts at the interrupted instruction (the `RIP:` inside the trace) or, lacking one,
 * at the first frame outside interrupt context.
 */
export function stalledFrames(frames: readonly StackFrame[]): readonly StackFrame[] {
  const rip = frames.findIndex((frame, index) => frame.isRip && index > 0);
  if (rip >= 0) return frames.slice(rip);
  const outside = frames.findIndex((frame) => frame.context === 'task');
  return outside >= 0 ? frames.slice(outside) : frames;
}

/** The first frame the filter does not skip, preferring reliable frames over `?` ones. */
export function firstGuiltyFrame(frames: readonly StackFrame[], skip: (symbol: string) => boolean): StackFrame | undefined {
  return frames.find((frame) => frame.reliable && !skip(frame.normalized));
}
