#!/usr/bin/env node
// What reading each case's stacks once per build saves, in CPU time (this process, user + system),
// over a generated content tree:
//
//   npx node scripts/bench/stack-parse-reuse.ts --content <work>/content [--rounds 5]
//
// (`npm run bench -- --cases 1000 --keep` leaves one at `<work>/content`.) Each round times the
// work the site graph and triage index did for themselves after the integration had parsed every
// stack (read every case file's YAML again, parse every log's frames, find the symbols quoted in
// it, twice) against what they do with the integration's parse remembered (stat each case file,
// take what is remembered). The integration's own parse is done once before the rounds, as in a build.
import path from 'node:path';
import { parseArgs } from 'node:util';
import { readCaseLogs } from '../../src/lib/content/case-logs.ts';
import { caseFileStamp, readCaseStacks, rememberCaseStacks } from '../../src/lib/content/case-stacks.ts';
import { findSymbolMentions, parseStackFrames } from '../../src/lib/oops/frames.ts';
import { formatMs } from './format-table.ts';
import { median } from './median.ts';

const { values } = parseArgs({ options: { content: { type: 'string' }, rounds: { type: 'string', default: '5' } } });
if (!values.content) throw new Error('--content <generated content folder> is required');
const casesDir = path.join(path.resolve(values.content), 'cases');
const rounds = Number(values.rounds);

const cpuMs = (since: NodeJS.CpuUsage) => {
  const used = process.cpuUsage(since);
  return (used.user + used.system) / 1000;
};

// The integration's parse, once: it also warms up the parsers, as it does in a build.
const logs = readCaseLogs(casesDir);
for (const [id, caseLogs] of logs) {
  const file = path.join(casesDir, `${id}.md`);
  const stamp = caseFileStamp(file);
  if (stamp) rememberCaseStacks(file, stamp, caseLogs);
}
const stacks = [...logs.values()].reduce((sum, caseLogs) => sum + caseLogs.length, 0);

const again: number[] = [];
const remembered: number[] = [];
for (let round = 0; round < rounds; round++) {
  let started = process.cpuUsage();
  let frames = 0;
  for (const caseLogs of readCaseLogs(casesDir).values()) {
    for (const log of caseLogs) {
      frames += parseStackFrames(log).length;
      findSymbolMentions(log);
      findSymbolMentions(log);
    }
  }
  again.push(cpuMs(started));
  started = process.cpuUsage();
  let reused = 0;
  for (const parsed of readCaseStacks(casesDir).values()) for (const caseFrames of parsed.frames) reused += caseFrames.length;
  remembered.push(cpuMs(started));
  if (reused !== frames) throw new Error(`remembered stacks hold ${reused} frames, parsing again gives ${frames}`);
}
process.stdout.write(
  `${logs.size} cases, ${stacks} stacks. CPU time, median of ${rounds}:\n` +
    `  read and parsed again: ${formatMs(median(again))} (${again.map(formatMs).join(', ')})\n` +
    `  remembered:            ${formatMs(median(remembered))} (${remembered.map(formatMs).join(', ')})\n`,
);
