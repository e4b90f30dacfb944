import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { projectDir } from '../../lib/content/content-paths.ts';
import { CliError } from '../cli-error.ts';
import type { CliCommand } from '../cli-command.ts';
import { parseOptions } from '../parse-options.ts';
import { writeNewFile } from '../write-new-file.ts';

const usage = `Usage: oopsbook init DIR

Scaffolds a team playbook in DIR: content folders with one example case, symptom, tool and
checklist, an example diagram spec, oopsbook.config.mjs, a package.json that depends on Oopsbook
and brings Node 24 (the \`node\` package), a README with the two commands and a GitHub Actions
workflow. Nothing is overwritten: if any of these files exists, nothing is written.

Then: cd DIR && npm install && npx oopsbook build`;

/** Template names that npm would drop or hide in a published package, and their real names. */
const RENAMED: Record<string, string> = { _gitignore: '.gitignore', _github: '.github' };

function templateFiles(dir: string, prefix = ''): Array<{ source: string; target: string }> {
  const files: Array<{ source: string; target: string }> = [];
  for (const name of readdirSync(dir).sort()) {
    const source = path.join(dir, name);
    const target = path.join(prefix, RENAMED[name] ?? name);
    if (statSync(source).isDirectory()) files.push(...templateFiles(source, target));
    else files.push({ source, target });
  }
  return files;
}

/** A package name from the folder name: lower case, letters, digits and dashes. */
function packageName(dir: string): string {
  const name = path.basename(path.resolve(dir)).toLowerCase().replace(/[^a-z0-9-]+/g, '-').replace(/^-+|-+$/g, '');
  return name === '' ? 'playbook' : name;
}

/** The team's package.json: Oopsbook at this version, and the Node that this version is built and tested with. */
function teamPackageJson(dir: string): string {
  const own = JSON.parse(readFileSync(path.join(projectDir(), 'package.json'), 'utf8')) as { version: string; devDependencies?: Record<string, string>; allowScripts?: Record<string, boolean> };
  const pkg = {
    name: packageName(dir),
    private: true,
    type: 'module',
    scripts: { check: 'oopsbook check', build: 'oopsbook build', dev: 'oopsbook dev', preview: 'oopsbook preview' },
    dependencies: { oopsbook: `^${own.version}` },
    // npm puts this package's Node first on PATH for npm scripts and npx, so machines with an
    // older Node (Astro needs 22.12 or later) build with it.
    devDependencies: { node: own.devDependencies?.node ?? '^24' },
    allowScripts: own.allowScripts ?? { node: true, esbuild: true },
  };
  return `${JSON.stringify(pkg, null, 2)}\n`;
}

export const initCommand: CliCommand = {
  summary: 'scaffold a team playbook repository (never overwrites)',
  usage,
  async run(args, io) {
    const parsed = parseOptions(args, []);
    if (parsed.errors.length > 0) throw new CliError(`${parsed.errors.join('; ')} (see --help)`, 2);
    const [dir, ...extra] = parsed.positionals;
    if (dir === undefined || extra.length > 0) throw new CliError('give one folder: oopsbook init DIR', 2);
    const templates = path.join(projectDir(), 'templates', 'team');
    const files = [
      ...templateFiles(templates).map(({ source, target }) => ({ target, text: readFileSync(source, 'utf8') })),
      { target: 'package.json', text: teamPackageJson(dir) },
    ];
    const existing = files.filter((file) => existsSync(path.join(dir, file.target))).map((file) => file.target);
    if (existing.length > 0) throw new CliError(`${existing.map((name) => path.join(dir, name)).join(', ')} already exist${existing.length === 1 ? 's' : ''}; nothing was written`);
    for (const file of files) writeNewFile(path.join(dir, file.target), file.text);
    io.stdout.write(`${files.map((file) => `  ${path.join(dir, file.target)}`).join('\n')}\n\nNext: cd ${dir} && npm install && npx oopsbook build\n`);
    return 0;
  },
};
