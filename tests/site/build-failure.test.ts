import { execFile } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectDir } from '../support/paths.ts';

const run = promisify(execFile);
let workDir: string;

/** Runs an npm script with the content folder pointed at the broken copy; never throws. */
async function npm(args: string[]): Promise<{ code: number; output: string }> {
  try {
    const { stdout, stderr } = await run('npm', args, {
      cwd: projectDir,
      env: { ...process.env, OOPSBOOK_CONTENT: path.join(workDir, 'content') },
      maxBuffer: 64 * 1024 * 1024,
    });
    return { code: 0, output: stdout + stderr };
  } catch (error) {
    const failure = error as { code?: number; stdout?: string; stderr?: string };
    return { code: failure.code ?? 1, output: (failure.stdout ?? '') + (failure.stderr ?? '') };
  }
}

function breakField(file: string, from: RegExp, to: string): number {
  const source = readFileSync(file, 'utf8');
  if (!from.test(source)) throw new Error(`${file} has no ${from}`);
  const broken = source.replace(from, to);
  writeFileSync(file, broken);
  return broken.split('\n').findIndex((line) => line.startsWith(to.split('\n')[0] ?? to)) + 1;
}

describe('broken content', () => {
  let severityLine: number;
  let statusLine: number;

  beforeAll(() => {
    workDir = mkdtempSync(path.join(tmpdir(), 'oopsbook-broken-'));
    cpSync(path.join(projectDir, 'content'), path.join(workDir, 'content'), { recursive: true });
    severityLine = breakField(path.join(workDir, 'content/cases/i40e-out-of-tree-rx-page-leak.md'), /^severity: .*$/m, 'severity: catastrophic');
    statusLine = breakField(path.join(workDir, 'content/cases/dtrace-i386-vmalloc-fault.md'), /^status: .*$/m, 'status: fixed');
  });
  afterAll(() => rmSync(workDir, { recursive: true, force: true }));

  it('makes `npm run check` print both errors with file:line and field path', async () => {
    const { code, output } = await npm(['run', '--silent', 'check']);
    expect(code).toBe(1);
    // Files outside the working directory are named by absolute path.
    const shown = (name: string) => path.join(workDir, 'content/cases', name);
    expect(output).toContain(`${shown('i40e-out-of-tree-rx-page-leak.md')}:${severityLine} severity: "catastrophic" is not one of critical | high | medium | low`);
    expect(output).toContain(`${shown('dtrace-i386-vmalloc-fault.md')}:${statusLine} status: "fixed" is not one of root-caused | mitigated | open`);
    expect(output).toContain('2 problems in 2 files.');
  });

  it('makes the build fail with the same errors, writing nothing', async () => {
    const outDir = path.join(workDir, 'dist');
    const { code, output } = await npm(['run', 'build', '--', '--out', outDir]);
    expect(code).not.toBe(0);
    expect(output).toContain('2 content problems');
    expect(output).toContain('severity: "catastrophic"');
    expect(output).toContain('status: "fixed"');
    expect(() => readFileSync(path.join(outDir, 'index.html'))).toThrow();
  });
});
