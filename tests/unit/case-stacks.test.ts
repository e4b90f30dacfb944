import { cpSync, mkdtempSync, rmSync, utimesSync, writeFileSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readCaseLogs } from '../../src/lib/content/case-logs.ts';
import { caseFileStamp, parseCaseStacks, readCaseStacks, rememberCaseStacks } from '../../src/lib/content/case-stacks.ts';
import { checkContent } from '../../src/lib/content/check-content.ts';
import { readSourceFiles } from '../../src/lib/content/read-content.ts';
import type { CaseData } from '../../src/schemas/case.ts';
import { projectDir } from '../support/paths.ts';

const casesDir = mkdtempSync(path.join(tmpdir(), 'oopsbook-case-stacks-'));
cpSync(path.join(projectDir, 'content/cases'), casesDir, { recursive: true });
afterAll(() => rmSync(casesDir, { recursive: true, force: true }));

const { entries } = checkContent(readSourceFiles(path.join(projectDir, 'content')), []);
const withStacks = entries.filter((entry) => entry.kind === 'cases' && (entry.data as CaseData).stacks.length > 0);

describe('case stacks parsed once per process', () => {
  it('reads and parses what readCaseLogs and the parsers give', () => {
    const stacks = readCaseStacks(casesDir);
    const logs = readCaseLogs(casesDir);
    expect(stacks.size).toBe(logs.size);
    for (const [id, caseLogs] of logs) expect(stacks.get(id)).toEqual(parseCaseStacks(caseLogs));
  });

  it('takes the logs the content check read, as the integration hands them over', () => {
    for (const entry of withStacks) {
      const logs = (entry.data as CaseData).stacks.map((stack) => stack.log);
      expect(readCaseLogs(casesDir).get(entry.id)).toEqual(logs);
    }
  });

  it('does not read a remembered file again while its stamp holds, and reads it once it changes', () => {
    const id = withStacks[0]?.id;
    if (!id) throw new Error('no seed case has stacks');
    const file = path.join(casesDir, `${id}.md`);
    const stamp = caseFileStamp(file);
    if (!stamp) throw new Error(`${file} is missing`);
    // Logs the file does not hold: only a reader that trusts the memo returns them.
    rememberCaseStacks(file, stamp, ['stand-in log']);
    expect(readCaseStacks(casesDir).get(id)?.logs).toEqual(['stand-in log']);

    writeFileSync(file, readFileSync(file, 'utf8'));
    utimesSync(file, new Date(), new Date(stamp.mtimeMs + 5000));
    expect(readCaseStacks(casesDir).get(id)?.logs).toEqual(readCaseLogs(casesDir).get(id));
  });

  it('forgets a case whose file is gone', () => {
    const id = withStacks[0]?.id;
    if (!id) throw new Error('no seed case has stacks');
    rmSync(path.join(casesDir, `${id}.md`));
    expect(readCaseStacks(casesDir).has(id)).toBe(false);
  });
});
