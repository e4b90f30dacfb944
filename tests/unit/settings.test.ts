import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { normalizeBase, resolveSettings } from '../../src/lib/settings/oopsbook-settings.ts';
import { runCliInMemory } from '../support/run-cli-in-memory.ts';

const dirs: string[] = [];
function teamRepo(config?: { name: string; text: string }): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'oopsbook-settings-'));
  dirs.push(dir);
  if (config) writeFileSync(path.join(dir, config.name), config.text);
  return dir;
}
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

describe('resolveSettings', () => {
  it('defaults to folders in the working directory, served at / on localhost', async () => {
    const cwd = teamRepo();
    const settings = await resolveSettings({ cwd, env: {} });
    expect(settings).toMatchObject({ root: cwd, configFile: undefined, title: 'Oopsbook', site: 'http://localhost:4321', base: '/', content: path.join(cwd, 'content'), diagrams: path.join(cwd, 'diagrams'), out: path.join(cwd, 'dist'), editUrl: undefined, markdown: { processor: 'satteri', remarkPlugins: [], rehypePlugins: [] } });
  });

  it('reads oopsbook.config.mjs, folders relative to it; the environment wins over it and flags win over both', async () => {
    const cwd = teamRepo({
      name: 'oopsbook.config.mjs',
      text: "export default { title: 'Team', site: 'https://wiki.example.org/', base: 'playbook', content: 'cases-repo', diagrams: 'specs', out: 'public-site', editUrl: 'https://git.example.org/edit/' };",
    });
    const fromFile = await resolveSettings({ cwd, env: {} });
    expect(fromFile).toMatchObject({ configFile: path.join(cwd, 'oopsbook.config.mjs'), title: 'Team', site: 'https://wiki.example.org', base: '/playbook/', content: path.join(cwd, 'cases-repo'), diagrams: path.join(cwd, 'specs'), out: path.join(cwd, 'public-site'), editUrl: 'https://git.example.org/edit/' });
    const fromEnv = await resolveSettings({ cwd, env: { OOPSBOOK_SITE: 'https://env.example.org', OOPSBOOK_BASE: '/env/', OOPSBOOK_CONTENT: '/srv/content', OOPSBOOK_TITLE: 'Env' } });
    expect(fromEnv).toMatchObject({ site: 'https://env.example.org', base: '/env/', content: '/srv/content', title: 'Env' });
    const fromFlags = await resolveSettings({ cwd, env: { OOPSBOOK_BASE: '/env/', OOPSBOOK_CONTENT: '/srv/content' }, flags: { base: '/flag/', content: 'here', out: 'o', site: 'https://flag.example.org' } });
    expect(fromFlags).toMatchObject({ base: '/flag/', content: path.join(cwd, 'here'), out: path.join(cwd, 'o'), site: 'https://flag.example.org' });
  });

  it('reads oopsbook.config.json too', async () => {
    const cwd = teamRepo({ name: 'oopsbook.config.json', text: '{ "base": "/docs/kernel/", "markdown": { "processor": "unified" } }' });
    expect(await resolveSettings({ cwd, env: {} })).toMatchObject({ base: '/docs/kernel/', markdown: { processor: 'unified' } });
  });

  it('names the file and the setting when one is wrong', async () => {
    const typo = teamRepo({ name: 'oopsbook.config.json', text: '{ "contnet": "x" }' });
    await expect(resolveSettings({ cwd: typo, env: {} })).rejects.toThrow(`${path.join(typo, 'oopsbook.config.json')}: unknown setting "contnet"`);
    const plugins = teamRepo({ name: 'oopsbook.config.mjs', text: 'export default { markdown: { remarkPlugins: [() => () => {}] } };' });
    await expect(resolveSettings({ cwd: plugins, env: {} })).rejects.toThrow("remark and rehype plugins need markdown.processor: 'unified'");
    await expect(resolveSettings({ cwd: teamRepo(), env: {}, flags: { site: 'wiki.example.org' } })).rejects.toThrow('--site: site "wiki.example.org" is not an absolute URL');
    await expect(resolveSettings({ cwd: teamRepo(), env: { OOPSBOOK_MARKDOWN: 'remark' } })).rejects.toThrow('OOPSBOOK_MARKDOWN: markdown processor "remark" is not one of satteri | unified');
  });

  it('normalises base paths and rejects URLs', () => {
    expect(normalizeBase('playbook', 'x')).toBe('/playbook/');
    expect(normalizeBase('/a/b', 'x')).toBe('/a/b/');
    expect(normalizeBase('/', 'x')).toBe('/');
    expect(() => normalizeBase('https://x.org/p/', '--base')).toThrow('--base: base "https://x.org/p/" must be a URL path');
  });
});

describe('oopsbook --version and --help', () => {
  it('prints the version', async () => {
    const { code, stdout } = await runCliInMemory(['--version']);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^oopsbook \d+\.\d+\.\d+\n$/);
  });

  it('has usage text for every command', async () => {
    for (const command of ['init', 'build', 'dev', 'preview', 'check', 'triage', 'new', 'checklist', 'kconfig', 'diagram']) {
      const { code, stdout } = await runCliInMemory([command, '--help']);
      expect(code, command).toBe(0);
      expect(stdout, command).toMatch(new RegExp(`^Usage: oopsbook ${command}`));
    }
  });

  it('refuses an output folder that would replace the repository or its content', async () => {
    for (const out of ['.', 'tests/fixtures', '..']) {
      const { code, stderr } = await runCliInMemory(['build', '--content', 'tests/fixtures/minimal', '--out', out]);
      expect(code, out).toBe(2);
      expect(stderr, out).toMatch(/would replace (the repository|the content folder|the working directory)/);
    }
  });

  it('rejects an unknown build flag as bad usage', async () => {
    const { code, stderr } = await runCliInMemory(['build', '--outdir', 'x']);
    expect(code).toBe(2);
    expect(stderr).toContain('unknown option --outdir');
  });
});
