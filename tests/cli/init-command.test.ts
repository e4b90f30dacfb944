import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCliInMemory } from '../support/run-cli-in-memory.ts';

const work = mkdtempSync(path.join(tmpdir(), 'oopsbook-init-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('oopsbook init', () => {
  const team = path.join(work, 'Team Playbook');

  it('scaffolds content, a diagram spec, settings, package.json, README and CI workflow that pass check', async () => {
    const { code, stdout } = await runCliInMemory(['init', team]);
    expect(code).toBe(0);
    expect(stdout).toContain('Next: cd');
    const pkg = JSON.parse(readFileSync(path.join(team, 'package.json'), 'utf8')) as { name: string; dependencies: Record<string, string>; devDependencies: Record<string, string> };
    expect(pkg.name).toBe('team-playbook');
    expect(pkg.dependencies.oopsbook).toMatch(/^\^\d+\.\d+\.\d+$/);
    expect(pkg.devDependencies.node).toMatch(/^\^24\./);
    expect(readFileSync(path.join(team, 'README.md'), 'utf8')).toContain('npx oopsbook build');
    expect(readFileSync(path.join(team, '.github/workflows/playbook.yml'), 'utf8')).toContain('npx oopsbook build');
    expect(readFileSync(path.join(team, '.gitignore'), 'utf8')).toContain('node_modules/');
    for (const folder of ['cases', 'symptoms', 'tools', 'checklists']) expect(readdirSync(path.join(team, 'content', folder))).toHaveLength(1);
    const check = await runCliInMemory(['check', '--content', path.join(team, 'content'), '--diagrams', path.join(team, 'diagrams')]);
    expect(check.stderr).toBe('');
    expect(check.stdout).toMatch(/4 content files in .* and 1 diagram specs in .* are valid/);
  });

  it('writes nothing when any file it would write exists, and says which', async () => {
    const readme = path.join(team, 'README.md');
    writeFileSync(readme, 'our own readme\n');
    const again = await runCliInMemory(['init', team]);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('README.md');
    expect(again.stderr).toContain('nothing was written');
    expect(readFileSync(readme, 'utf8')).toBe('our own readme\n');

    const partial = path.join(work, 'partial');
    mkdirSync(path.join(partial, 'content/cases'), { recursive: true });
    writeFileSync(path.join(partial, 'content/cases/example-rx-page-leak.md'), 'mine\n');
    const blocked = await runCliInMemory(['init', partial]);
    expect(blocked.code).toBe(1);
    expect(existsSync(path.join(partial, 'package.json'))).toBe(false);
    expect(readFileSync(path.join(partial, 'content/cases/example-rx-page-leak.md'), 'utf8')).toBe('mine\n');
  });

  it('needs exactly one folder', async () => {
    expect((await runCliInMemory(['init'])).code).toBe(2);
  });
});
