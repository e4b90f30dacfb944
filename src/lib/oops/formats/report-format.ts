import type { FrameGroup } from '../frame-filters.ts';

/** Where a format's guilty frame comes from. */
export type FrameSource =
  /** The title names no frame. */
  | { from: 'none' }
  /** A symbol captured by the header pattern (group n), else the stack. */
  | { from: 'header'; group: number }
  /** The faulting instruction (`RIP:`), else the stack. */
  | { from: 'rip' }
  /** The first stack frame not filtered out. */
  | { from: 'stack' }
  /** The function a lock was taken in: `at: FUNC+0x…` after the header. */
  | { from: 'lock' }
  /** For stalls: the stack below the interrupt that caught the CPU, see guilty-frame.ts. */
  | { from: 'stall' }
  /** For lockups: the stuck context's own stack, top to bottom, see guilty-frame.ts. */
  | { from: 'lockup' }
  /** A function named on a line soon after the header (group 1 of `pattern`), else the stack. */
  | { from: 'line'; pattern: RegExp }
  /** The stack printed after a line matching `start` (page_owner's allocation stack), else the main stack. */
  | { from: 'section'; start: RegExp };

/** One kind of report: how to recognise it, what to call it, and whom to blame. */
export interface ReportFormat {
  name: string;
  /** A literal the header line must contain; a cheap test before the pattern. */
  hint: string;
  /** Pattern for the first line of the report, after log prefixes are removed. */
  header: RegExp;
  /**
   * The kernel prints the header line indented (LoongArch's `  ERA:` register line). Every other
   * format's header starts in the first column, so lines that start with a blank (frames,
   * continuation lines) are offered only to these.
   */
  indentedHeader?: true;
  /**
   * The title. `{frame}` is replaced by the guilty frame (or `corrupted`), `{ in frame}` by
   * ` in ` and the guilty frame when there is one and by nothing otherwise (a report that stands
   * without a stack), `{n}` by capture group
   * n, `{ n}` by a space and group n when it is present, `{Access}` by `Read`/`Write`, `{next}` by
   * the line after the header (for reports whose message follows their first line).
   */
  title: string;
  /** Crash class; `{n}` and `{ACCESS}` (READ or WRITE) are substituted and the result upper-cased. */
  crashClass: string | ((groups: readonly string[], access: string) => string);
  frame: FrameSource;
  /** Frame groups that are never guilty for this kind of report, on top of the always-skipped ones. */
  skip: readonly FrameGroup[];
  /**
   * The title when the report is too damaged to name a frame, by the banner's first word
   * (newer kernels' `WARNING:` banners are titled by their message alone then).
   */
  corruptedTitle?: Readonly<Record<string, string>>;
  /** Skip only `skip` and `skipAlso`, not the groups every other format skips. */
  skipOnly?: boolean;
  /** Extra frame names never guilty for this kind. */
  skipAlso?: readonly RegExp[];
  /** Starts a report only when no report is open: a consequence line such as the final panic. */
  consequence?: boolean;
  /**
   * A report opened by a register dump alone gives way to a consequence header printed before
   * any call trace: the panic that follows `show_regs` in arm64 `bad_mode` or `panic_bad_stack`.
   */
  givesWay?: boolean;
  /** Replaces numbers in the title by `NUM`, for titles that quote a message. */
  scrubNumbers?: boolean;
  /** The title is kept even when no stack trace follows the header (a one-line report). */
  noStackNeeded?: boolean;
  /** The title to use instead when the report says whether it read or wrote (`Read of size 8`). */
  titleWithAccess?: string;
  /** A header within this many lines after another report's is part of that report (`kernel BUG at mm/usercopy.c` after `usercopy:`). */
  joinsPrevious?: number;
  /**
   * A banner of another kind within this many lines after this header is part of this report: a
   * check that prints its own line and then calls BUG() or __warn() (`CFI failure at …`, then
   * `kernel BUG at …` or `WARNING: …`).
   */
  absorbsNext?: number;
  /** Only a report when the log had other output before it (a machine rebooting mid-run, not a boot log). */
  needsEarlierOutput?: boolean;
  /** Frames only this kind of report's own stack contains (the sanitizer's report function). */
  ownStack?: RegExp;
  /**
   * A report about running out of a resource rather than about a bug (an allocation failure, an
   * OOM kill), or about a fault the kernel fixed up and survived: listed after the log's other
   * reports, which are the crash the log is about.
   */
  minor?: boolean;
  /** The frame source to use with titleWithAccess. */
  frameWithAccess?: FrameSource;
}
