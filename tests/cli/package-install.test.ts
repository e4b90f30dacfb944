// The package as a team gets it: `npm pack`, then in a folder with no checkout of this repository,
// `npx --package ./oopsbook-*.tgz oopsbook init team`, `npm install` of the tarball and the
// commands a team runs. PATH holds no node_modules/.bin of this repository: `init` runs on the
// machine's own Node, everything after it on the Node that the team's `node` devDependency
// installs (npx puts team/node_modules/.bin first). npm may use its cache (--prefer-offline).
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLinkChecker } from '../support/link-checker.ts';
import { openPagefind } from '../support/pagefind-node.ts';
import { projectDir } from '../support/paths.ts';

const exec = promisify(execFile);
let work: string;
let team: string;
let tarball: string;
const timings: string[] = [];

/** PATH without any node_modules/.bin, as in a fresh shell on the machine. */
const PATH = (process.env.PATH ?? '').split(path.delimiter).filter((dir) => !dir.includes(`${path.sep}node_modules${path.sep}`)).join(path.delimiter);
const env = (() => {
  const clean: NodeJS.ProcessEnv = { PATH, HOME: process.env.HOME, ASTRO_TELEMETRY_DISABLED: '1', npm_config_prefer_offline: 'true', npm_config_audit: 'false', npm_config_fund: 'false', npm_config_update_notifier: 'false' };
  if (process.env.CHROMIUM_PATH) clean.CHROMIUM_PATH = process.env.CHROMIUM_PATH;
  return clean;
})();

async function sh(what: string, command: string, args: string[], cwd: string): Promise<string> {
  const started = performance.now();
  try {
    const { stdout, stderr } = await exec(command, args, { cwd, env, maxBuffer: 64 * 1024 * 1024 });
    return stdout + stderr;
  } catch (error) {
    const failure = error as { stdout?: string; stderr?: string; message: string };
    throw new Error(`${what} failed: ${failure.message}\n${failure.stdout ?? ''}${failure.stderr ?? ''}`);
  } finally {
    timings.push(`${what} ${((performance.now() - started) / 1000).toFixed(1)} s`);
  }
}

beforeAll(async () => {
  work = mkdtempSync(path.join(tmpdir(), 'oopsbook-package-'));
  // prepack builds dist-cli/ with this repository's Node (npm runs scripts with its node_modules/.bin first).
  await sh('npm pack', 'npm', ['pack', '--pack-destination', work], projectDir);
  const packed = readdirSync(work).find((name) => name.endsWith('.tgz'));
  if (!packed) throw new Error('npm pack wrote no tarball');
  tarball = path.join(work, packed);
  await sh('npx --package oopsbook init', 'npx', ['--yes', '--package', tarball, 'oopsbook', 'init', 'team'], work);
  team = path.join(work, 'team');
  await sh('npm install', 'npm', ['install', tarball], team);
}, 900_000);
afterAll(() => {
  process.stdout.write(`package install: ${timings.join(', ')}\n`);
  rmSync(work, { recursive: true, force: true });
});

describe('the packed package in a team folder', () => {
  it('publishes the built command and the site sources, not the tests or this repository\'s content', async () => {
    const listing = await sh('tar', 'tar', ['tzf', tarball], work);
    expect(listing).toContain('package/dist-cli/scripts/oopsbook.js');
    expect(listing).toContain('package/src/pages/index.astro');
    expect(listing).toContain('package/templates/team/content/cases/example-rx-page-leak.md');
    expect(listing).not.toContain('package/tests/');
    expect(listing).not.toContain('package/content/cases/');
    const manifest = JSON.parse(readFileSync(path.join(team, 'node_modules/oopsbook/package.json'), 'utf8')) as { private?: boolean; dependencies: Record<string, string> };
    expect(manifest.private).toBeUndefined();
    expect(Object.keys(manifest.dependencies)).toEqual(expect.arrayContaining(['astro', 'pagefind', 'mermaid', 'playwright-core']));
  });

  it('scaffolded the team repository and runs on the Node its devDependency brings', async () => {
    for (const file of ['README.md', 'oopsbook.config.mjs', '.gitignore', '.github/workflows/playbook.yml', 'content/cases/example-rx-page-leak.md', 'diagrams/example-rx-page-ownership.yaml']) {
      expect(existsSync(path.join(team, file)), file).toBe(true);
    }
    expect((await sh('npx node --version', 'npx', ['node', '--version'], team)).trim()).toMatch(/^v24\./);
    expect(await sh('oopsbook --version', 'npx', ['oopsbook', '--version'], team)).toMatch(/^oopsbook \d+\.\d+\.\d+/);
    expect(await sh('oopsbook build --help', 'npx', ['oopsbook', 'build', '--help'], team)).toContain('--base PATH');
  });

  it('checks the example content', async () => {
    expect(await sh('oopsbook check', 'npx', ['oopsbook', 'check'], team)).toMatch(/4 content files in .* and 1 diagram specs in .* are valid/);
  });

  it('builds a searchable site whose every internal link resolves under /playbook/', async () => {
    const output = await sh('oopsbook build --base /playbook/', 'npx', ['oopsbook', 'build', '--base', '/playbook/', '--site', 'https://wiki.example.org'], team);
    expect(output).toContain('served under /playbook/');
    const site = path.join(team, 'dist');
    const { broken, checked, pages } = createLinkChecker(site, 'https://wiki.example.org', '/playbook/').checkSite();
    expect(pages).toBeGreaterThan(15);
    expect(checked).toBeGreaterThan(pages * 10);
    expect(broken).toEqual([]);
    const search = await openPagefind(site);
    const hits = await search('ring still pointed');
    expect(hits.map((hit) => hit.page)).toContain('/cases/example-rx-page-leak/');
  });

  it('triages a log against the team\'s cases', async () => {
    const caseFile = readFileSync(path.join(team, 'content/cases/example-rx-page-leak.md'), 'utf8');
    const log = /log: \|\n((?: {6}.*\n)+)/.exec(caseFile)?.[1]?.replace(/^ {6}/gm, '') ?? '';
    expect(log).toContain('i40e_clean_rx_irq');
    writeFileSync(path.join(team, 'crash.log'), log);
    const output = await sh('oopsbook triage', 'npx', ['oopsbook', 'triage', 'crash.log'], team);
    expect(output).toContain('example-rx-page-leak');
    expect(output).toContain('Bad page state');
  });
});
