import type { StackFrame } from './frames.ts';
import type { Taint } from './taint.ts';

/** A module from `Modules linked in:`, with the flags printed in parentheses. */
export interface LoadedModule {
  name: string;
  /** Flag letters such as `OE`; empty for an in-tree, signed module. */
  flags: string;
  /** What the flags mean, e.g. `out-of-tree`, `unsigned`. */
  meanings: string[];
}

/** One crash report found in a log. */
export interface OopsReport {
  /** Title in syzbot's convention, e.g. `KASAN: use-after-free Read in tcp_v4_rcv`. */
  title: string;
  /** Crash class, e.g. `KASAN-USE-AFTER-FREE-READ`, `WARNING`, `HANG`, `LOCKDEP`. */
  crashClass: string;
  /** Name of the report format that recognised it. */
  format: string;
  /** The frame the bug is blamed on, normalised; absent when the report is too damaged to tell. */
  guiltyFrame?: string;
  /** The report is truncated, interleaved with other output, or lacks the stack its kind needs. */
  corrupted: boolean;
  /** Why it looks corrupted. */
  corruptedReason?: string;
  /** Frames of the primary stack, the faulting instruction first when there is one. */
  frames: StackFrame[];
  taint?: Taint;
  /** Kernel release from the `CPU:` line, e.g. `5.8.0-33-generic`. */
  kernel?: string;
  /** `Hardware name:` line. */
  hardware?: string;
  cpu?: number;
  pid?: number;
  comm?: string;
  /** The faulting instruction (`RIP:`, `pc :`), as printed. */
  rip?: string;
  modules: LoadedModule[];
  /** Modules whose flags mark them out-of-tree, unsigned or proprietary. */
  suspectModules: string[];
  /** Suspect modules that also appear in the stack: the loud clue. */
  suspectModulesInStack: string[];
  /** 1-based lines of the report in the input. */
  startLine: number;
  endLine: number;
  /** The report's lines with log prefixes removed. */
  text: string;
}
