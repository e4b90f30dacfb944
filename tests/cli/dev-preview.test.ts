// `oopsbook dev` and `oopsbook preview` serve what they should, under the base path, and stop on
// Ctrl-C: each is started as a person would, its address read from what it prints, a page fetched.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { distDir, projectDir } from '../support/paths.ts';

const cli = path.join(projectDir, 'scripts/oopsbook.ts');
// As a person's shell has it: without the variables the test runner sets for itself (NODE_ENV=test,
// VITEST…), which Vite would take for the site's own.
const env = Object.fromEntries(Object.entries({ ...process.env, ASTRO_TELEMETRY_DISABLED: '1' }).filter(([name]) => name !== 'NODE_ENV' && !name.startsWith('VITEST') && name !== 'TEST' && name !== 'BASE_URL'));
const scratch = mkdtempSync(path.join(tmpdir(), 'oopsbook-serve-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** Starts the command and resolves with the server's address once it prints one. */
function serve(args: string[]): Promise<{ child: ChildProcess; url: string }> {
  // From this repository, whose node_modules hold Astro, as a team's repository's do.
  const child = spawn(process.execPath, [cli, ...args], { cwd: projectDir, env, stdio: ['ignore', 'pipe', 'pipe'] });
  return new Promise((resolve, reject) => {
    let printed = '';
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`no address printed in 120 s:\n${printed}`));
    }, 120_000);
    const read = (chunk: Buffer) => {
      printed += chunk.toString();
      // Astro prints `Local    http://localhost:4321/playbook/`, colour codes around it.
      const address = /(http:\/\/(?:localhost|127\.0\.0\.1|\[::1\]):\d+)/.exec(printed.replace(/\u001b\[[0-9;]*m/g, ''));
      if (address?.[1]) {
        clearTimeout(timer);
        resolve({ child, url: address[1] });
      }
    };
    child.stdout?.on('data', read);
    child.stderr?.on('data', read);
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`exited with ${code} before serving:\n${printed}`));
    });
  });
}

/** Ctrl-C, and the exit code it ends with. */
function stop(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => {
    child.removeAllListeners('exit');
    child.on('exit', (code) => resolve(code));
    child.kill('SIGINT');
  });
}

describe('oopsbook dev and preview', () => {
  it('dev serves the content folder under the base path and stops on Ctrl-C', async () => {
    const content = path.join(projectDir, 'tests/fixtures/minimal');
    const { child, url } = await serve(['dev', '--content', content, '--diagrams', path.join(scratch, 'no-diagrams'), '--base', '/playbook/']);
    try {
      const cases = await fetch(`${url}/playbook/cases/`);
      expect(cases.status, `${url}/playbook/cases/: ${(await cases.clone().text()).replace(/\s+/g, " ").slice(0, 900)}`).toBe(200);
      expect(await cases.text()).toMatch(/<h1[^>]*>[^<]*Cases/);
      expect((await fetch(`${url}/playbook/triage/`)).status).toBe(200);
    } finally {
      expect(await stop(child)).toBe(0);
    }
  }, 180_000);

  it('preview serves the built site and refuses a folder that was never built', async () => {
    const { child, url } = await serve(['preview', '--out', distDir]);
    try {
      const home = await fetch(`${url}/`);
      expect(home.status).toBe(200);
      expect(await home.text()).toContain('Oopsbook');
      expect((await fetch(`${url}/cases/afxdp-veth-napi-rx-ring-race/`)).status).toBe(200);
    } finally {
      await stop(child);
    }
    await expect(serve(['preview', '--out', path.join(scratch, 'never-built')])).rejects.toThrow(/does not exist: run `oopsbook build` first/);
  }, 180_000);
});
