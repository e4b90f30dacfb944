import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { formatProblem } from '../../src/lib/content/problem.ts';
import { readAndCheckContent } from '../../src/lib/content/read-content.ts';
import { caseLog } from '../support/case-logs.ts';
import { fillInMarkers } from '../support/fill-in-markers.ts';
import { projectDir } from '../support/paths.ts';
import { runCliInMemory } from '../support/run-cli-in-memory.ts';

let work: string;
let content: string;
const saved = process.env.OOPSBOOK_CONTENT;

beforeEach(() => {
  work = mkdtempSync(path.join(tmpdir(), 'oopsbook-new-'));
  content = path.join(work, 'content');
  cpSync(path.join(projectDir, 'content'), content, { recursive: true });
  process.env.OOPSBOOK_CONTENT = content;
});
afterEach(() => {
  if (saved === undefined) delete process.env.OOPSBOOK_CONTENT;
  else process.env.OOPSBOOK_CONTENT = saved;
});

const problemsNow = () => readAndCheckContent().problems.map(formatProblem);

describe('oopsbook new --from', () => {
  it('scaffolds a case that passes the check once its marked fields are written', async () => {
    const log = path.join(work, 'crash.log');
    writeFileSync(log, caseLog('xen-pvmmu-pgd-pin-bad-type'));
    const { code, stdout, stderr } = await runCliInMemory(['new', '--from', log, '--slug', 'dom0-fork-warning']);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const file = path.join(content, 'cases', 'dom0-fork-warning.md');
    expect(stdout).toContain(`wrote ${file}: WARNING in xen_mc_flush`);

    const scaffold = readFileSync(file, 'utf8');
    // Prefilled from the parse: title, symptoms, signatures and the stacks verbatim.
    expect(scaffold).toMatch(/^title: WARNING in xen_mc_flush$/m);
    expect(scaffold).toContain('  - xen-multicall-failure');
    expect(scaffold).toContain('WARNING: at arch/x86/xen/multicalls.c:129 xen_mc_flush+0x177/0x190()');
    expect(scaffold).toContain('Hardware name: Dell Inc. PowerEdge R720/0XH7F2, BIOS 1.6.0 03/07/2013');

    // Only the fields a person must write are reported, each by file, line and field.
    const pending = problemsNow();
    expect(pending.length).toBeGreaterThan(0);
    for (const problem of pending) {
      expect(problem).toMatch(new RegExp(`^${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:\\d+ \\S+: still to be written`));
    }
    expect(pending.some((problem) => / summary: still to be written/.test(problem))).toBe(true);
    expect(pending.some((problem) => / hypothesis: still to be written/.test(problem))).toBe(true);

    writeFileSync(file, fillInMarkers(scaffold));
    expect(problemsNow()).toEqual([]);
  });

  it('names the slug after the crash title when none is given', async () => {
    const log = path.join(work, 'crash.log');
    writeFileSync(log, caseLog('xen-pvmmu-pgd-pin-bad-type'));
    const { code } = await runCliInMemory(['new', '--from', log]);
    expect(code).toBe(0);
    expect(readFileSync(path.join(content, 'cases', 'warning-in-xen-mc-flush.md'), 'utf8')).toContain('title: WARNING in xen_mc_flush');
  });

  it('refuses to overwrite an existing case and leaves it byte for byte', async () => {
    const log = path.join(work, 'crash.log');
    writeFileSync(log, caseLog('i40e-out-of-tree-rx-page-leak'));
    const existing = path.join(content, 'cases', 'i40e-out-of-tree-rx-page-leak.md');
    const before = readFileSync(existing);
    const { code, stderr } = await runCliInMemory(['new', '--from', log, '--slug', 'i40e-out-of-tree-rx-page-leak']);
    expect(code).toBe(1);
    expect(stderr).toContain('i40e-out-of-tree-rx-page-leak.md already exists; it was left as it is');
    expect(readFileSync(existing).equals(before)).toBe(true);
  });

  it('rejects a log without a crash and a slug that is not kebab-case', async () => {
    const quiet = path.join(work, 'quiet.log');
    writeFileSync(quiet, '[    1.000000] e1000e 0000:00:19.0 eth0: link up\n');
    const none = await runCliInMemory(['new', '--from', quiet]);
    expect(none.code).toBe(1);
    expect(none.stderr).toContain('no kernel crash report recognised, nothing to scaffold');
    const slug = await runCliInMemory(['new', '--from', quiet, '--slug', 'Bad_Slug']);
    expect(slug.code).toBe(2);
    expect(slug.stderr).toContain('--slug "Bad_Slug" must be kebab-case');
  });
});
