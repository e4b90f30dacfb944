import { assertionFormats } from './formats/assertions.ts';
import { faultFormats } from './formats/faults.ts';
import { hangFormats } from './formats/hangs.ts';
import { lockingFormats } from './formats/locking.ts';
import { machineFormats } from './formats/machine.ts';
import { memoryPressureFormats } from './formats/memory-pressure.ts';
import { outOfTreeFormats } from './formats/out-of-tree.ts';
import { panicFormats } from './formats/panics.ts';
import type { ReportFormat } from './formats/report-format.ts';
import { sanitizerFormats } from './formats/sanitizers.ts';
import { slabDebugFormats } from './formats/slab-debug.ts';
import { warningFormats } from './formats/warnings.ts';

export type { FrameSource, ReportFormat } from './formats/report-format.ts';

/**
 * The report formats, most specific first: a header is matched against the rows in this order
 * and the first that matches starts the report. Adding a crash kind means adding a row to its
 * family's file under formats/ and a fixture under tests/fixtures/oops/, not editing the parser.
 */
export const reportFormats: readonly ReportFormat[] = [
  ...sanitizerFormats,
  ...lockingFormats,
  ...hangFormats,
  ...faultFormats,
  ...assertionFormats,
  ...slabDebugFormats,
  ...memoryPressureFormats,
  ...outOfTreeFormats,
  ...warningFormats,
  ...machineFormats,
  ...panicFormats,
];
