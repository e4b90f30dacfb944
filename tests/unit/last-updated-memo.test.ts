// The development server asks for last commit dates after every saved file; git is walked again
// only when the repository has a new HEAD.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { lastUpdatedDatesMemo } from '../../src/lib/git/last-updated-memo.ts';

const scratch = mkdtempSync(path.join(tmpdir(), 'oopsbook-dates-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const git = (cwd: string, args: string[], date: string) =>
  execFileSync('git', ['-c', 'user.name=Test', '-c', 'user.email=test@example.org', ...args], { cwd, env: { ...process.env, GIT_COMMITTER_DATE: `${date}T12:00:00Z`, GIT_AUTHOR_DATE: `${date}T12:00:00Z` }, stdio: 'ignore' });

describe('lastUpdatedDatesMemo', () => {
  it('keeps the dates while HEAD stays, and reads them again after a commit', () => {
    const repo = path.join(scratch, 'repo');
    const cases = path.join(repo, 'content', 'cases');
    mkdirSync(cases, { recursive: true });
    execFileSync('git', ['init', '-q'], { cwd: repo });
    writeFileSync(path.join(cases, 'a.md'), 'one\n');
    git(repo, ['add', '.'], '2024-03-01');
    git(repo, ['commit', '-q', '-m', 'a'], '2024-03-01');
    const content = path.join(repo, 'content');

    const first = lastUpdatedDatesMemo(content);
    expect(first.get(path.join(cases, 'a.md'))).toBe('2024-03-01');
    // A saved file is no commit: the same dates, not walked again.
    writeFileSync(path.join(cases, 'a.md'), 'two\n');
    expect(lastUpdatedDatesMemo(content)).toBe(first);

    git(repo, ['commit', '-q', '-am', 'a again'], '2024-05-09');
    const second = lastUpdatedDatesMemo(content);
    expect(second).not.toBe(first);
    expect(second.get(path.join(cases, 'a.md'))).toBe('2024-05-09');
  });

  it('has no dates for a folder outside any repository', () => {
    const loose = path.join(scratch, 'loose');
    mkdirSync(loose);
    // tmpdir() is outside this repository; a parent repository would answer for it otherwise.
    expect(lastUpdatedDatesMemo(loose).size).toBe(0);
  });
});
