import type { OopsReport } from '../../oops/report-types.ts';
import { kasanToSequence } from './kasan-sequence.ts';
import { kcsanToSequence } from './kcsan-sequence.ts';
import { kfenceToSequence } from './kfence-sequence.ts';
import { lockdepToSequence } from './lockdep-sequence.ts';
import type { SequenceSpecInput } from './sequence-input.ts';

/** Which drawer reads a report, by the parser's report format (src/lib/oops/formats/). */
function drawerFor(report: OopsReport): ((report: OopsReport) => SequenceSpecInput | undefined) | undefined {
  if (report.format.startsWith('kasan')) return kasanToSequence;
  if (report.format.startsWith('kfence')) return kfenceToSequence;
  if (report.format.startsWith('kcsan')) return kcsanToSequence;
  if (report.crashClass === 'LOCKDEP') return lockdepToSequence;
  return undefined;
}

/** Whether a report is of a kind that can be drawn: KASAN, KFENCE, KCSAN or lockdep. */
export function drawableReport(report: OopsReport): boolean {
  return drawerFor(report) !== undefined;
}

/** The sequence a KASAN, KFENCE, KCSAN or lockdep report shows; undefined for other reports or when its evidence is missing. */
export function reportSequence(report: OopsReport): SequenceSpecInput | undefined {
  return drawerFor(report)?.(report);
}
