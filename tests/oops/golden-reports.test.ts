import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseOops } from '../../src/lib/oops/parse-oops.ts';
import type { OopsReport } from '../../src/lib/oops/report-types.ts';

// Golden fixtures: tests/fixtures/oops/<name>.log and the expected parse in <name>.json next to
// it. `UPDATE_GOLDEN=1 npx vitest run tests/oops` rewrites the JSON files; review the diff.
const fixtures = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../fixtures/oops');
const update = process.env.UPDATE_GOLDEN === '1';
const logs = readdirSync(fixtures).filter((name) => name.endsWith('.log')).sort();

/** What a golden file pins down for each report: the parts a person reads first. */
function summarise(report: OopsReport) {
  return {
    title: report.title,
    crashClass: report.crashClass,
    guiltyFrame: report.guiltyFrame ?? null,
    corrupted: report.corrupted,
    frames: {
      count: report.frames.length,
      top: report.frames.slice(0, 8).map((frame) => `${frame.reliable ? '' : '? '}${frame.isRip ? 'RIP ' : ''}${frame.normalized}${frame.module ? ` [${frame.module}]` : ''} (${frame.context})`),
    },
    taint: report.taint?.letters ?? null,
    kernel: report.kernel ?? null,
    modules: report.modules.filter((module) => module.flags !== '').map((module) => `${module.name}(${module.flags})`),
    moduleCount: report.modules.length,
    suspectModulesInStack: report.suspectModulesInStack,
    lines: [report.startLine, report.endLine],
  };
}

describe('golden oops fixtures', () => {
  it('has fixtures', () => {
    expect(logs.length).toBeGreaterThan(10);
  });

  it.each(logs)('%s', (name) => {
    const log = readFileSync(path.join(fixtures, name), 'latin1');
    const actual = { reports: parseOops(log).map(summarise) };
    const goldenPath = path.join(fixtures, name.replace(/\.log$/, '.json'));
    if (update || !existsSync(goldenPath)) {
      writeFileSync(goldenPath, `${JSON.stringify(actual, null, 2)}\n`);
      if (!update) throw new Error(`wrote missing golden ${goldenPath}; review it and run again`);
    }
    expect(actual).toEqual(JSON.parse(readFileSync(goldenPath, 'utf8')));
  });
});

describe('seed logs', () => {
  const first = (name: string) => parseOops(readFileSync(path.join(fixtures, name), 'latin1'));

  it('i40e: Bad page state blamed past the free path, out-of-tree i40e(OE) flagged in the stack', () => {
    const [report] = first('i40e-out-of-tree-bad-page-state-then-usercopy.log');
    expect(report?.title).toBe('BUG: Bad page state in tcp_data_queue');
    expect(report?.guiltyFrame).toBe('tcp_data_queue');
    expect(report?.modules.find((module) => module.name === 'i40e')?.flags).toBe('OE');
    expect(report?.suspectModulesInStack).toEqual(['i40e']);
    expect(report?.taint?.letters).toBe('BDOE');
    expect(report?.kernel).toBe('5.8.0-33-generic');
  });

  it('i40e: the usercopy report with its published trace', () => {
    const [report] = first('i40e-usercopy-header-with-published-trace.log');
    expect(report?.title).toBe('BUG: bad usercopy in __skb_datagram_iter');
  });

  it('xen: WARNING in xen_mc_flush from syslog lines with empty address columns', () => {
    const reports = first('xen-pvmmu-xen-mc-flush-warning-syslog.log');
    expect(reports[0]?.title).toBe('WARNING in xen_mc_flush');
    expect(reports[0]?.guiltyFrame).toBe('xen_mc_flush');
    expect(reports[0]?.taint?.letters).toBe('PWO');
    expect(reports[0]?.modules.find((module) => module.name === 'openvswitch')?.flags).toBe('O');
  });

  it('AF_XDP: an ftrace excerpt is not a crash', () => {
    expect(first('afxdp-veth-ftrace-excerpt-no-oops.log')).toEqual([]);
  });
});
