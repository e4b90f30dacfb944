import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { projectDir } from '../support/paths.ts';

// Every package in package.json must be used, and every package the code imports must be in it:
// an unused one costs every `npm ci` its download and its security notices, a missing one works
// only while some other package happens to bring it along. A package counts as used when code
// imports it, when an npm script runs one of its commands, or when it is in USED_WITHOUT_IMPORT.

/** Folders and files whose code is searched for imports; each import must be declared too. */
const CODE_ROOTS = ['src', 'scripts', 'tests', 'astro.config.mjs', 'vitest.config.ts'];
/** This file, whose examples below name packages that do not exist. */
const THIS_FILE = path.relative(projectDir, fileURLToPath(import.meta.url)).split(path.sep).join('/');
const CODE_FILE = /\.(?:[cm]?[jt]s|astro)$/;

/** Packages used without an import or an npm script that names their command, and why. */
const USED_WITHOUT_IMPORT: Record<string, { reason: string; evidence: (manifest: Manifest) => boolean }> = {
  '@astrojs/check': {
    reason: '`astro check` (npm run typecheck) loads it, and asks to install it when it is missing',
    evidence: (manifest) => Object.values(manifest.scripts ?? {}).some((command) => /\bastro check\b/.test(command)),
  },
  typescript: {
    reason: 'the type checker behind `npx tsc --noEmit -p .` and `astro check` (a peer dependency of @astrojs/check)',
    evidence: () => existsSync(path.join(projectDir, 'tsconfig.json')),
  },
};

interface Manifest {
  dependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
  scripts?: Record<string, string>;
}

/** A module a source file names, and whether only for its types (`import type`, `/// <reference types>`). */
interface ImportedModule {
  specifier: string;
  typeOnly: boolean;
}

/** Modules a source text names: static, side-effect and dynamic imports, re-exports, `require` and `require.resolve`, `/// <reference types>`. */
function importedModules(text: string): ImportedModule[] {
  const patterns: Array<[RegExp, (match: RegExpMatchArray) => boolean]> = [
    [/\b(?:import|export)\s+(type\s)?[^'"`;]*?\bfrom\s*['"]([^'"]+)['"]/g, (match) => match[1] !== undefined],
    [/\bimport\s*()['"]([^'"]+)['"]/g, () => false],
    [/\bimport\(\s*()['"]([^'"]+)['"]\s*\)/g, () => false],
    [/\brequire\(\s*()['"]([^'"]+)['"]\s*\)/g, () => false],
    [/[rR]equire(?:\([^()]*\))?\.resolve\(\s*()['"]([^'"]+)['"]/g, () => false],
    [/\/\/\/\s*<reference\s+types=()["']([^"']+)["']/g, () => true],
  ];
  return patterns.flatMap(([pattern, typeOnly]) => [...text.matchAll(pattern)].map((match) => ({ specifier: match[2] ?? '', typeOnly: typeOnly(match) })));
}

const BUILTINS = new Set(builtinModules);

/** The npm package a specifier names (`@scope/pkg` for `@scope/pkg/sub`, `pkg` for `pkg/sub`), or undefined for a file, a Node built-in or a virtual module. */
function packageOf(specifier: string): string | undefined {
  const bare = specifier.replace(/[?#].*$/, '');
  if (bare === '' || /^(?:\.|\/|[a-z]+:)/.test(bare) || bare.startsWith('#')) return undefined;
  const parts = bare.split('/');
  const name = bare.startsWith('@') ? parts.slice(0, 2).join('/') : (parts[0] ?? '');
  return BUILTINS.has(name) ? undefined : name;
}

/** Whether a specifier is a Node built-in, which @types/node describes. */
function isBuiltin(specifier: string): boolean {
  return specifier.startsWith('node:') || BUILTINS.has(specifier.split('/')[0] ?? '');
}

/** The DefinitelyTyped package for a package's types: `@types/js-yaml`, `@types/scope__pkg`. */
function typesPackageOf(name: string): string {
  return `@types/${name.startsWith('@') ? name.slice(1).replace('/', '__') : name}`;
}

function codeFiles(root: string): string[] {
  const full = path.join(projectDir, root);
  if (!existsSync(full)) return [];
  if (CODE_FILE.test(root)) return [full];
  return readdirSync(full, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && CODE_FILE.test(entry.name))
    .map((entry) => path.join(entry.parentPath, entry.name));
}

/** Commands the npm scripts run: the first word of each `&&`, `||`, `;` or `|` part. */
function scriptCommands(manifest: Manifest): Set<string> {
  const parts = Object.values(manifest.scripts ?? {}).flatMap((command) => command.split(/&&|\|\||[;|]/));
  return new Set(parts.map((part) => part.trim().replace(/^(?:[A-Z_][A-Z0-9_]*=\S*\s+)*/, '').split(/\s+/)[0] ?? ''));
}

/** The commands a package installs (its `bin`), read from node_modules. */
function binsOf(name: string): string[] {
  const file = path.join(projectDir, 'node_modules', name, 'package.json');
  if (!existsSync(file)) return [];
  const { bin } = JSON.parse(readFileSync(file, 'utf8')) as { bin?: string | Record<string, string> };
  if (typeof bin === 'string') return [name.replace(/^@[^/]+\//, '')];
  return Object.keys(bin ?? {});
}

interface DependencyReport {
  /** Declared packages nothing uses. */
  unused: string[];
  /** Packages imported under `declaredRoots` that package.json does not list, with a file that imports each. */
  undeclared: Array<{ name: string; file: string }>;
  /** Entries of USED_WITHOUT_IMPORT for packages no longer declared, or whose evidence is gone. */
  staleExceptions: string[];
}

/** Checks a manifest against the imports of the given files (path → source text). */
function checkDependencies(
  manifest: Manifest,
  sources: ReadonlyMap<string, string>,
  declaredRoots: readonly string[],
  bins: (name: string) => string[],
  exceptions: typeof USED_WITHOUT_IMPORT,
): DependencyReport {
  const declared = new Set([...Object.keys(manifest.dependencies ?? {}), ...Object.keys(manifest.devDependencies ?? {})]);
  const imported = new Set<string>();
  const undeclared = new Map<string, string>();
  let builtins = false;
  for (const [file, text] of sources) {
    const checked = declaredRoots.some((root) => file === root || file.startsWith(`${root}/`));
    for (const { specifier, typeOnly } of importedModules(text)) {
      if (isBuiltin(specifier)) builtins = true;
      const name = packageOf(specifier);
      if (name === undefined) continue;
      imported.add(name);
      // Types alone (`import type … from 'hast'`) may come from the package's @types package.
      const provided = declared.has(name) || (typeOnly && declared.has(typesPackageOf(name)));
      if (checked && !provided && !undeclared.has(name)) undeclared.set(name, file);
    }
  }
  const commands = scriptCommands(manifest);
  const used = (name: string): boolean => {
    if (imported.has(name) || bins(name).some((bin) => commands.has(bin))) return true;
    if (name === '@types/node') return builtins;
    if (name.startsWith('@types/')) return [...imported].some((pkg) => typesPackageOf(pkg) === name);
    return exceptions[name]?.evidence(manifest) ?? false;
  };
  return {
    unused: [...declared].filter((name) => !used(name)).sort(),
    undeclared: [...undeclared].map(([name, file]) => ({ name, file })).sort((a, b) => a.name.localeCompare(b.name)),
    staleExceptions: Object.keys(exceptions).filter((name) => !declared.has(name) || !(exceptions[name]?.evidence(manifest) ?? false)),
  };
}

describe('finding imports', () => {
  it('reads every form of import a source file uses', () => {
    const source = `import { a } from 'alpha';
import type { Root } from 'hast';
import * as beta from "@scope/beta/sub/path.js";
export { gamma } from 'gamma/deep';
import 'side-effect';
const lazy = await import('lazy-pkg');
const skipped = await import(/* @vite-ignore */ url);
const cjs = require('cjs-pkg');
const file = require.resolve('resolved/package.json');
const other = createRequire(import.meta.url).resolve('axe-like/axe.min.js');
const ignored = path.resolve('content');
/// <reference types="referenced" />
import { readFileSync } from 'node:fs';
import path from 'path';
import { defineCollection } from 'astro:content';
import local from './local.ts';
`;
    const modules = importedModules(source);
    expect([...new Set(modules.map((module) => packageOf(module.specifier)).filter(Boolean))].sort()).toEqual(
      ['@scope/beta', 'alpha', 'axe-like', 'cjs-pkg', 'gamma', 'hast', 'lazy-pkg', 'referenced', 'resolved', 'side-effect'].sort(),
    );
    expect(modules.filter((module) => module.typeOnly).map((module) => module.specifier).sort()).toEqual(['hast', 'referenced']);
  });

  it('names an unused package, an undeclared import and a stale exception', () => {
    const manifest: Manifest = {
      devDependencies: { alpha: '1', unused: '1', '@types/hast': '1', '@types/gone': '1', '@types/node': '1', '@types/runtime': '1', tool: '1', typescript: '1' },
      scripts: { lint: 'CI=1 tool --fix && echo done' },
    };
    const sources = new Map([
      ['src/a.ts', "import { a } from 'alpha';\nimport type { Root } from 'hast';\nimport x from 'missing/sub';\nimport fs from 'node:fs';\nimport { load } from 'runtime';"],
      ['elsewhere/b.ts', "import y from 'not-checked';"],
    ]);
    const report = checkDependencies(manifest, sources, ['src'], (name) => (name === 'tool' ? ['tool'] : []), {
      typescript: { reason: 'test', evidence: () => true },
      '@astrojs/check': { reason: 'test', evidence: () => true },
    });
    expect(report).toEqual({
      unused: ['@types/gone', 'unused'],
      // `runtime` is imported for its code, which its @types package does not provide.
      undeclared: [
        { name: 'missing', file: 'src/a.ts' },
        { name: 'runtime', file: 'src/a.ts' },
      ],
      staleExceptions: ['@astrojs/check'],
    });
  });
});

describe('package.json', () => {
  it('lists every package the code imports, and only packages something uses', () => {
    const manifest = JSON.parse(readFileSync(path.join(projectDir, 'package.json'), 'utf8')) as Manifest;
    const sources = new Map(
      CODE_ROOTS.flatMap(codeFiles)
        .map((file) => path.relative(projectDir, file).split(path.sep).join('/'))
        .filter((file) => file !== THIS_FILE)
        .map((file) => [file, readFileSync(path.join(projectDir, file), 'utf8')] as const),
    );
    expect(sources.size).toBeGreaterThan(100);
    const report = checkDependencies(manifest, sources, CODE_ROOTS, binsOf, USED_WITHOUT_IMPORT);
    // One comparison, so a failure names every problem at once. unused: declared but imported
    // nowhere, run by no npm script and not in USED_WITHOUT_IMPORT (`npm uninstall` it once nothing
    // needs it); undeclared: imported but missing from package.json; staleExceptions: entries of
    // USED_WITHOUT_IMPORT for packages no longer declared, or whose use is gone.
    expect(report).toEqual({ unused: [], undeclared: [], staleExceptions: [] });
  });
});
