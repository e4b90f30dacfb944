#!/usr/bin/env node
// `npm run build:cli` (run by `npm pack` as prepack): compiles the command, the build process and
// the Astro integration to JavaScript in dist-cli/ for an installed package, which Node runs
// without type stripping. Pages and components stay TypeScript: Vite compiles them itself.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const project = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
rmSync(path.join(project, 'dist-cli'), { recursive: true, force: true });
const result = spawnSync(process.execPath, [tsc, '-p', path.join(project, 'tsconfig.build.json')], { stdio: 'inherit', cwd: project });
if (result.status !== 0) {
  process.stderr.write('build:cli: tsc failed\n');
  process.exit(result.status ?? 1);
}
process.stdout.write(`build:cli: dist-cli/ written\n`);
