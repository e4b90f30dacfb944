import { parseOops } from '../../oops/parse-oops.ts';
import type { EvidenceResult } from './evidence-result.ts';
import { ftraceToSequence, type FtraceOptions } from './ftrace-sequence.ts';
import { drawableReport, reportSequence } from './report-sequence.ts';

/**
 * Draws the evidence in a log: the first KASAN, KFENCE, KCSAN or lockdep report the oops parser
 * finds, else the ftrace lines. Options that only apply to traces (`follow`, `by`, `last`) go
 * straight to the trace, so a trace dumped after an oops can still be drawn.
 */
export function sequenceFromLog(text: string, options: FtraceOptions = {}): EvidenceResult {
  const traceOptions = (options.follow?.length ?? 0) > 0 || options.by !== undefined || options.last !== undefined;
  if (!traceOptions) {
    const reports = parseOops(text).filter(drawableReport);
    for (const report of reports) {
      const spec = reportSequence(report);
      if (spec) return { ok: true, spec };
    }
    const trace = ftraceToSequence(text, options);
    if (trace.ok || reports.length === 0) {
      return trace.ok || !/^no ftrace lines/.test(trace.message) ? trace : { ok: false, line: 1, message: 'no KASAN, KFENCE, KCSAN or lockdep report and no ftrace lines (`task-pid [cpu] flags timestamp: event: fields`) found' };
    }
    const first = reports[0]!;
    return { ok: false, line: first.startLine, message: `the ${first.title} report prints none of what a sequence is drawn from (the accesses, the allocation and free records, or the unsafe locking scenario)` };
  }
  return ftraceToSequence(text, options);
}
