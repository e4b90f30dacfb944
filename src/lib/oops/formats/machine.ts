import type { ReportFormat } from './report-format.ts';

/** What the fuzzing machine itself prints on the same console: firmware after a reboot, its Go runtime dying. */
export const machineFormats: readonly ReportFormat[] = [
  {
    // The firmware banner of a machine that rebooted in the middle of a run.
    name: 'unexpected-reboot',
    hint: 'BIOS',
    header: /^SeaBIOS \(version /,
    title: 'unexpected kernel reboot',
    crashClass: 'REBOOT',
    frame: { from: 'none' },
    skip: [],
    consequence: true,
    noStackNeeded: true,
    needsEarlierOutput: true,
  },
  {
    // The fuzzer's own Go runtime dying.
    name: 'go-runtime',
    hint: 'runtime',
    header: /^(?:fatal error: runtime|runtime: out of memory|panic: runtime error)/,
    title: 'go runtime error',
    crashClass: 'DoS',
    frame: { from: 'none' },
    skip: [],
    consequence: true,
    noStackNeeded: true,
  },
];
