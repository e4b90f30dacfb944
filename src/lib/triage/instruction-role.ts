import { warningFormats } from '../oops/formats/warnings.ts';
import { reportFormats } from '../oops/report-formats.ts';
import type { OopsReport } from '../oops/report-types.ts';
import type { InstructionRole } from './report-wording.ts';

/** Each format's source of its guilty frame: a format that blames the faulting instruction is a fault or trap. */
const frameSources = new Map(reportFormats.map((format) => [format.name, format.frame.from]));
const warnings = new Set(warningFormats.map((format) => format.name));

/**
 * What a report's printed instruction (`report.rip`) was, from the kind of report (see
 * InstructionRole): the formats whose guilty frame is the faulting instruction are the fault and
 * trap handlers' reports; lockup and stall formats read the stack the watchdog interrupted.
 * Undefined when the report printed none.
 */
export function instructionRole(report: Pick<OopsReport, 'rip' | 'format'>): InstructionRole | undefined {
  if (report.rip === undefined || report.rip === '') return undefined;
  const source = frameSources.get(report.format);
  if (source === 'rip') return 'fault';
  if (warnings.has(report.format)) return 'warning';
  if (source === 'stall' || source === 'lockup') return 'watchdog';
  return 'interrupted';
}
