// `oopsbook build --out DIR` never leaves a half-written site in DIR: a build killed halfway, a
// build stopped with SIGTERM and a build of broken content all leave the previous DIR as it was.
import { execFile, spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectDir } from '../support/paths.ts';

const exec = promisify(execFile);
const cli = path.join(projectDir, 'scripts/oopsbook.ts');
const fixture = path.join(projectDir, 'tests/fixtures/minimal');
let work: string;
let out: string;
const PREVIOUS = '<!doctype html><title>previous site</title>';

const env = { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' };
const buildArgs = (content: string) => [cli, 'build', '--content', content, '--diagrams', path.join(work, 'no-diagrams'), '--out', out];
/** Folders the build leaves beside the output, other than the output itself. */
const leftovers = () => readdirSync(work).filter((name) => name.startsWith('.site.'));

/** Starts a build in its own process group and kills it the moment its staging folder holds files. */
async function killBuildHalfway(signal: NodeJS.Signals, group: boolean): Promise<{ staged: string[]; exit: number | null }> {
  const child = spawn(process.execPath, buildArgs(fixture), { cwd: projectDir, env, detached: true, stdio: 'ignore' });
  const staging = path.join(work, `.site.building-${child.pid}`);
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code, killed) => resolve(code ?? (killed ? 128 : null))));
  let staged: string[] = [];
  for (let waited = 0; waited < 120_000; waited += 20) {
    if (existsSync(staging)) {
      staged = readdirSync(staging);
      if (staged.length > 0) break;
    }
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  process.kill(group ? -(child.pid ?? 0) : (child.pid ?? 0), signal);
  const exit = await exited;
  if (!group) {
    // The build process Astro runs in goes when its parent stops it; wait for the group to be gone.
    for (let waited = 0; waited < 10_000; waited += 50) {
      try {
        process.kill(-(child.pid ?? 0), 0);
      } catch {
        break;
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
  return { staged, exit };
}

beforeAll(() => {
  work = mkdtempSync(path.join(tmpdir(), 'oopsbook-build-out-'));
  out = path.join(work, 'site');
  mkdirSync(out);
  writeFileSync(path.join(out, 'index.html'), PREVIOUS);
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('oopsbook build --out', () => {
  it('leaves the previous site in place when the build is killed (SIGKILL) halfway', async () => {
    const { staged } = await killBuildHalfway('SIGKILL', true);
    // It was killed while pages were being written, not before or after.
    expect(staged.length).toBeGreaterThan(0);
    expect(readFileSync(path.join(out, 'index.html'), 'utf8')).toBe(PREVIOUS);
    expect(readdirSync(out)).toEqual(['index.html']);
  }, 180_000);

  it('removes its half-built folder and keeps the previous site when stopped with SIGTERM', async () => {
    const { staged, exit } = await killBuildHalfway('SIGTERM', false);
    expect(staged.length).toBeGreaterThan(0);
    expect(exit).toBe(143);
    expect(readFileSync(path.join(out, 'index.html'), 'utf8')).toBe(PREVIOUS);
    // The SIGKILLed build's folder is still there (nothing could remove it); this one's is gone.
    expect(leftovers().filter((name) => !name.endsWith(String(process.pid))).length).toBeLessThanOrEqual(1);
  }, 180_000);

  it('leaves the previous site in place when the content is broken', async () => {
    const broken = path.join(work, 'broken');
    cpSync(fixture, broken, { recursive: true });
    const file = path.join(broken, 'cases/fixture-leak.md');
    writeFileSync(file, readFileSync(file, 'utf8').replace('severity: critical', 'severity: catastrophic'));
    const failure = await exec(process.execPath, buildArgs(broken), { cwd: projectDir, env, maxBuffer: 64 * 1024 * 1024 }).then(
      () => undefined,
      (error: { code?: number; stderr?: string }) => error,
    );
    expect(failure?.code).toBe(1);
    expect(failure?.stderr).toContain('severity: "catastrophic"');
    expect(failure?.stderr).toContain(`${out} is unchanged`);
    expect(readFileSync(path.join(out, 'index.html'), 'utf8')).toBe(PREVIOUS);
  }, 180_000);

  it('replaces the site once a build completes, and clears what killed builds left', async () => {
    await exec(process.execPath, buildArgs(fixture), { cwd: projectDir, env, maxBuffer: 64 * 1024 * 1024 });
    expect(readFileSync(path.join(out, 'index.html'), 'utf8')).not.toBe(PREVIOUS);
    expect(existsSync(path.join(out, 'pagefind/pagefind.js'))).toBe(true);
    expect(existsSync(path.join(out, 'cases/fixture-leak/index.html'))).toBe(true);
    expect(leftovers()).toEqual([]);
  }, 180_000);
});
