import { describe, expect, it } from 'vitest';
import { readCaseLogs, withLogs, withoutLogs } from '../../src/lib/content/case-logs.ts';
import { checkContent } from '../../src/lib/content/check-content.ts';
import { readSourceFiles } from '../../src/lib/content/read-content.ts';
import type { CaseData } from '../../src/schemas/case.ts';
import { projectDir } from '../support/paths.ts';

const { entries } = checkContent(readSourceFiles(`${projectDir}/content`), []);
const cases = entries.filter((entry) => entry.kind === 'cases').map((entry) => ({ id: entry.id, data: entry.data as CaseData }));
const logs = readCaseLogs(`${projectDir}/content/cases`);

describe('case logs kept out of the content store', () => {
  it('stores no log text', () => {
    for (const { data } of cases) expect(JSON.stringify(withoutLogs(data))).not.toContain('Call Trace');
  });

  it('puts back exactly the logs validation produced', () => {
    expect(cases.some(({ data }) => data.stacks.length > 0)).toBe(true);
    for (const { id, data } of cases) expect(withLogs(id, withoutLogs(data), logs, `${id}.md`)).toEqual(data);
  });

  it('refuses a case whose file changed its stacks during the build', () => {
    const withStacks = cases.find(({ data }) => data.stacks.length > 0);
    if (!withStacks) throw new Error('no seed case has stacks');
    const stale = new Map(logs);
    stale.set(withStacks.id, []);
    expect(() => withLogs(withStacks.id, withoutLogs(withStacks.data), stale, 'cases/x.md')).toThrow(/cases\/x\.md: has 0 stacks on disk but \d+ in the content store/);
  });
});
