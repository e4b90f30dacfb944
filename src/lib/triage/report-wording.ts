import type { OopsReport } from '../oops/report-types.ts';
import type { MatchStrength } from './rank-cases.ts';

/**
 * What the instruction in a report's register dump (`RIP:`, `pc :`) was. Only a fault or trap
 * report is about that instruction; a warning's is the WARN() that fired (a trap too, raised on
 * purpose); a lockup or stall watchdog's is what the stuck CPU was running when the watchdog
 * interrupted it; any other report prints registers of a CPU that an interrupt or NMI caught,
 * such as `native_safe_halt` for an idle CPU in a bad-page report.
 */
export type InstructionRole = 'fault' | 'warning' | 'watchdog' | 'interrupted';

export const INSTRUCTION_LABELS: Readonly<Record<InstructionRole, string>> = {
  fault: 'Faulting instruction',
  warning: 'Warning raised at',
  watchdog: 'Executing when the watchdog fired',
  interrupted: 'Interrupted at',
};

/** The title a report's format gives when it cannot name a frame, in syzbot's convention. */
const CORRUPTED_TITLE = / in corrupted$/;

/**
 * A report's heading in words: a title that ends `in corrupted` (syzbot's convention when a
 * damaged report names no frame) says instead that the report is damaged, and why.
 */
export function reportHeading(report: Pick<OopsReport, 'title' | 'corruptedReason'>): string {
  if (!CORRUPTED_TITLE.test(report.title)) return report.title;
  return `${report.title.replace(CORRUPTED_TITLE, '')} (damaged report: ${report.corruptedReason ?? 'no frame to blame'})`;
}

/** A note as a clause that can be followed by `; …` inside a sentence: no closing stop. */
export function clause(note: string): string {
  return note.trim().replace(/[\s.;:]+$/, '');
}

/** What a match's strength means, shown next to it instead of its ranking score. */
export const STRENGTH_LABELS: Readonly<Record<MatchStrength, string>> = {
  match: 'match: shares specific evidence',
  related: 'related by generic evidence only',
};
