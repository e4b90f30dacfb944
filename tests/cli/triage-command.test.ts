import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { caseLog, casesWithLogs } from '../support/case-logs.ts';
import { runCliInMemory } from '../support/run-cli-in-memory.ts';

const work = mkdtempSync(path.join(tmpdir(), 'oopsbook-triage-'));
const logFile = (name: string, text: string) => {
  const file = path.join(work, name);
  writeFileSync(file, text);
  return file;
};

const frameKeys = ['context', 'module', 'offset', 'reliable', 'size', 'symbol'];
const reportKeys = ['class', 'corrupted', 'frames', 'guiltyFrame', 'hardware', 'kernel', 'modules', 'taint', 'title'];

describe('oopsbook triage --json', () => {
  it('prints one JSON object per input file, in order, in the documented shape', async () => {
    const files = casesWithLogs.map((slug) => logFile(`${slug}.log`, caseLog(slug)));
    const quiet = logFile('quiet.log', '[    0.000000] Linux version 6.8.0 (gcc 13)\n[    1.234567] e1000e: link up\n');
    const { code, stdout } = await runCliInMemory(['triage', '--json', ...files, quiet]);
    expect(code).toBe(0);
    const lines = stdout.trimEnd().split('\n').map((line) => JSON.parse(line));
    expect(lines.map((line) => line.file)).toEqual([...files, quiet]);

    for (const line of lines) {
      expect(Object.keys(line).sort()).toEqual(['checklists', 'file', 'matches', 'reports', 'summary', 'symptoms', 'tools']);
      expect(Object.keys(line.summary).sort()).toEqual(['classes', 'kernelReport', 'outcome', 'text']);
      for (const report of line.reports) {
        for (const key of reportKeys) expect(report).toHaveProperty(key);
        expect(typeof report.title).toBe('string');
        expect(typeof report.corrupted).toBe('boolean');
        for (const frame of report.frames) expect(Object.keys(frame).sort()).toEqual(frameKeys);
        if (report.taint) expect(Object.keys(report.taint).sort()).toEqual(['flags', 'letters']);
        for (const module of report.modules) expect(Object.keys(module).sort()).toEqual(['flags', 'name']);
      }
      for (const match of line.matches) {
        expect(Object.keys(match).sort()).toEqual(['case', 'reasons', 'score', 'strength']);
        expect(['match', 'related']).toContain(match.strength);
        expect(match.reasons.length).toBeGreaterThan(0);
      }
    }

    const [i40e, xen, afxdp, none] = lines;
    expect(none.reports).toEqual([]);
    expect(none.matches).toEqual([]);
    expect(none.summary).toMatchObject({ kernelReport: false, outcome: 'none' });
    // Each seed log finds its own case first, as a match.
    expect([i40e.matches[0].case, i40e.matches[0].strength]).toEqual(['i40e-out-of-tree-rx-page-leak', 'match']);
    expect([xen.matches[0].case, xen.matches[0].strength]).toEqual(['xen-pvmmu-pgd-pin-bad-type', 'match']);
    expect([afxdp.matches[0].case, afxdp.matches[0].strength]).toEqual(['afxdp-veth-napi-rx-ring-race', 'match']);
    expect(i40e.summary).toMatchObject({ kernelReport: true, outcome: 'match' });

    const badPage = i40e.reports.find((report: { title: string }) => report.title.startsWith('BUG: Bad page state'));
    expect(badPage.taint.letters).toContain('O');
    expect(badPage.modules).toContainEqual({ name: 'i40e', flags: 'OE' });
    expect(badPage.frames.some((frame: { symbol: string; module: string | null }) => frame.symbol.startsWith('i40e_napi_poll') && frame.module === 'i40e')).toBe(true);
    expect(i40e.symptoms.map((symptom: { id: string }) => symptom.id)).toEqual(expect.arrayContaining(['bad-page-state', 'usercopy-exposure']));
    expect(xen.reports[0].title).toBe('WARNING in xen_mc_flush');
  });

  it('matches application lines without a kernel report, and labels common-frame cases related, never match', async () => {
    const userSpace = logFile('flowtrackd.log', "Nov 16 23:49:01 fuzzer4 flowtrackd[45807]: thread 'flowtrackd-ZrBh' panicked at 'descriptor 26476800 transitioned from Fill to Tx'\n");
    const allocator = logFile(
      'pagefault.log',
      ['BUG: unable to handle page fault for address: ffffc90000a3f000', '#PF: supervisor read access in kernel mode', 'RIP: 0010:__alloc_pages_nodemask+0x1c/0x90', 'Call Trace:', ' __alloc_pages_nodemask+0x1c/0x90', ' alloc_pages_current+0x87/0xe0', ' handle_mm_fault+0x44/0x120', ' __do_page_fault+0x70/0x170', ' page_fault+0x22/0x30', ''].join('\n'),
    );
    const { code, stdout } = await runCliInMemory(['triage', '--json', userSpace, allocator]);
    expect(code).toBe(0);
    const [user, generic] = stdout.trimEnd().split('\n').map((line) => JSON.parse(line));
    expect(user.summary).toMatchObject({ kernelReport: false, outcome: 'match' });
    expect(user.matches[0]).toMatchObject({ case: 'afxdp-veth-napi-rx-ring-race', strength: 'match' });
    expect(user.tools).toContain('ftrace');
    expect(user.checklists).toContain('xdp-ring-corruption');
    expect(generic.reports).toHaveLength(1);
    expect(generic.matches.length).toBeGreaterThan(0);
    for (const match of generic.matches) expect(match.strength).toBe('related');
    expect(generic.summary.outcome).toBe('related');
    expect(generic.summary.text).toMatch(/No known case matches/);

    const text = await runCliInMemory(['triage', userSpace, allocator]);
    expect(text.stdout).toContain("No kernel crash report; matched the log's other lines instead: 1 symptom line (Same buffer descriptor appears twice in a ring).");
    expect(text.stdout).toContain("1. afxdp-veth-napi-rx-ring-race (match: shares specific evidence)");
    expect(text.stdout).toContain('no known case matches; related on common evidence only');
    expect(text.stdout).toContain('run next for this crash class:');
  });

  it('reads standard input for -, and prints a readable report without --json', async () => {
    const { code, stdout } = await runCliInMemory(['triage', '-'], {}, caseLog('i40e-out-of-tree-rx-page-leak'));
    expect(code).toBe(0);
    expect(stdout).toContain('BUG: Bad page state');
    expect(stdout).toMatch(/!! out-of-tree\/unsigned module in the stack: i40e\(OE\)/);
    expect(stdout).toContain('1. i40e-out-of-tree-rx-page-leak (match: shares specific evidence)');
    // Ranking scores stay in --json: a bare number means nothing to a reader.
    expect(stdout).not.toMatch(/score [\d.]+/);
  });

  it('says a damaged report is damaged instead of titling it "in corrupted"', async () => {
    const { stdout } = await runCliInMemory(['triage', path.resolve('tests/fixtures/oops/i40e-out-of-tree-bad-page-state-then-usercopy.log')]);
    expect(stdout).toContain('report 2 (lines 89-92): BUG: bad usercopy (damaged report: no stack trace in the report)');
    expect(stdout).not.toContain('in corrupted');
  });

  it('reports a missing file and an unknown option with a non-zero exit', async () => {
    const missing = await runCliInMemory(['triage', path.join(work, 'nope.log')]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('nope.log: no such file');
    const option = await runCliInMemory(['triage', '--jsn']);
    expect(option.code).toBe(2);
    expect(option.stderr).toContain('unknown option --jsn');
  });

  it('triages hundreds of files in one call', async () => {
    const text = caseLog('xen-pvmmu-pgd-pin-bad-type');
    const files = Array.from({ length: 300 }, (_, index) => logFile(`many-${index}.log`, text));
    const started = performance.now();
    const { code, stdout } = await runCliInMemory(['triage', '--json', ...files]);
    const seconds = (performance.now() - started) / 1000;
    expect(code).toBe(0);
    expect(stdout.trimEnd().split('\n')).toHaveLength(300);
    console.log(`triage --json over 300 files (${(text.length / 1024).toFixed(1)} KiB each): ${seconds.toFixed(2)} s in one process`);
  });
});
