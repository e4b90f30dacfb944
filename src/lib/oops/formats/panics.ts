import { compile } from '../patterns.ts';
import type { ReportFormat } from './report-format.ts';
import { FAULT_SKIP, HANG_SKIP } from './skip-sets.ts';

/** Panics, mostly consequences of a report above, and the generic oops banner. */
export const panicFormats: readonly ReportFormat[] = [
  {
    name: 'stack-protector',
    hint: 'stack is corrupted in',
    header: compile(String.raw`^Kernel panic - not syncing: stack-protector: Kernel stack is corrupted in: (?:({FUNC})\+0x)?`),
    title: 'kernel panic: stack is corrupted in {frame}',
    crashClass: 'DoS',
    frame: { from: 'header', group: 1 },
    skip: [],
    consequence: true,
  },
  {
    name: 'stack-end-corrupted',
    hint: 'corrupted stack end',
    header: /^Kernel panic - not syncing: corrupted stack end detected inside scheduler/,
    title: 'kernel panic: corrupted stack end in {frame}',
    crashClass: 'DoS',
    frame: { from: 'lockup' },
    skip: [...HANG_SKIP],
    consequence: true,
  },
  {
    name: 'stack-overflow-panic',
    hint: 'kernel stack overflow',
    header: /^Kernel panic - not syncing: kernel stack overflow/,
    title: 'kernel stack overflow in {frame}',
    crashClass: 'DoS',
    frame: { from: 'lockup' },
    skip: FAULT_SKIP,
    consequence: true,
  },
  {
    name: 'panic',
    hint: 'Kernel panic - not syncing',
    header: /^Kernel panic - not syncing: (.*?)(?: exitcode=0x[0-9a-f]+| for \S+ --- error.*| \.\.\.)?\s*$/,
    title: 'kernel panic: {1}',
    crashClass: 'DoS',
    frame: { from: 'none' },
    skip: [],
    consequence: true,
    scrubNumbers: true,
    noStackNeeded: true,
  },
  {
    // The generic oops banner, for faults no row above names (arm64 `Internal error: Oops`).
    name: 'internal-error',
    hint: 'Internal error:',
    header: /^Internal error: (?!Oops)([A-Za-z ]+?)(?::| \[)/,
    title: 'Internal error in {frame}',
    crashClass: 'DoS',
    frame: { from: 'rip' },
    skip: FAULT_SKIP,
  },
];
