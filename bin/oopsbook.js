#!/usr/bin/env node
// The `oopsbook` command. An installed package runs the JavaScript that `npm pack` built into
// dist-cli/; a checkout of the repository runs its TypeScript directly (Node strips the types
// of files outside node_modules), so a checkout never runs a stale build.
import { existsSync } from 'node:fs';

const source = new URL('../scripts/oopsbook.ts', import.meta.url);
const built = new URL('../dist-cli/scripts/oopsbook.js', import.meta.url);
const [major = 0, minor = 0] = process.versions.node.split('.').map(Number);
const command = process.argv[2];
// Only `init` and `--version` run on any Node; everything else loads Astro and its dependencies,
// the newest of which (undici) needs 22.19: the package's `engines`.
if ((major < 22 || (major === 22 && minor < 19)) && command !== 'init' && command !== '--version' && command !== '-v') {
  process.stderr.write(
    `oopsbook: Node ${process.versions.node} is too old; Oopsbook needs Node 22.19 or later.\n` +
      'Add the `node` package to the project (`npm install --save-dev node@24`) so npm scripts and npx use it, or install a newer Node.\n',
  );
  process.exit(1);
}
// Node strips types itself from 22.18 and 23.6 on (`process.features.typescript`).
const stripsTypes = Boolean(/** @type {{ typescript?: unknown }} */ (process.features).typescript);
if (existsSync(source) && stripsTypes) await import(source.href);
else if (existsSync(built)) await import(built.href);
else {
  process.stderr.write('oopsbook: this checkout runs its TypeScript directly, which needs Node 22.18 or later: run it through `npx oopsbook` (the `node` devDependency brings Node 24), or `npm run build:cli` first.\n');
  process.exit(1);
}
