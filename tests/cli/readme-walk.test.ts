import { execFile, execFileSync } from 'node:child_process';
import { chmodSync, cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { fillInMarkers } from '../support/fill-in-markers.ts';
import { projectDir } from '../support/paths.ts';

// The README's five-minute walk, run as a newcomer would on a fresh clone: every command of the
// walk's ```sh blocks, in order, in a scratch copy of the project, so no file of the project
// changes. Choices:
// - The copy is the project's files without dist/, .astro/ and .git/. Its node_modules links to
//   each of the project's installed packages, as `npm ci` would install the same, but keeps its own
//   caches (Astro's content store and Vite's), so the walk's extra case never reaches the project's.
// - Between `oopsbook new` and the check, the walk asks the reader to write the `FILL IN:` fields;
//   the test writes them as an author would (fillInMarkers).
// - `npm run build` runs, into the copy's dist/: the walk's own case must get its page, and the
//   project's dist/, which `npm test` builds first for the site and browser tests, must not
//   change. It is the one full build this test adds.
// - `npm run preview` and `npm run dev` serve until stopped; they are not run. What they would
//   serve is the copy's dist/, checked below for the walk's case and the embedded checklist.
// - `dmesg` reads this machine's kernel log, which a test can neither rely on nor reproduce; a
//   `dmesg` first on PATH prints the walk's crash.log instead.

const README = path.join(projectDir, 'README.md');
const WALK_HEADING = '## A five-minute walk';

/** The walk's section of the README: from its heading to the next `## `. */
function walkSection(readme: string): string {
  const start = readme.indexOf(`\n${WALK_HEADING}\n`);
  if (start < 0) return '';
  const end = readme.indexOf('\n## ', start + WALK_HEADING.length + 2);
  return readme.slice(start, end < 0 ? undefined : end);
}

/** The bodies of the section's fenced blocks in a language, indentation removed. */
function fencedBlocks(section: string, language: string): string[] {
  const blocks = [...section.matchAll(/^( *)```(\w*)\n([\s\S]*?)^\1```$/gm)];
  return blocks.filter((block) => block[2] === language).map((block) => (block[3] ?? '').replace(new RegExp(`^${block[1] ?? ''}`, 'gm'), ''));
}

/** One command per line of the walk's `sh` blocks; blank and comment-only lines are not commands. */
function walkCommands(readme: string): string[] {
  return fencedBlocks(walkSection(readme), 'sh')
    .flatMap((block) => block.split('\n'))
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'));
}

/** Commands that serve until stopped. */
const LONG_RUNNING = /^npm run (?:preview|dev)\b/;

const PROJECT_ONLY = new Set(['node_modules', 'dist', '.astro', '.git']);
/** What builds write under node_modules: Astro's cacheDir (its content store) and Vite's. */
const BUILD_CACHES = new Set(['.astro', '.vite', '.cache']);

const scratch = mkdtempSync(path.join(tmpdir(), 'oopsbook-walk-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** The project's files, as a clone has them, in a folder of their own. */
function copyProject(): string {
  const copy = path.join(scratch, 'oopsbook');
  cpSync(projectDir, copy, {
    recursive: true,
    filter: (source) => {
      const relative = path.relative(projectDir, source);
      return !PROJECT_ONLY.has(relative.split(path.sep)[0] ?? '') && !(path.dirname(relative) === '.' && relative.endsWith('.log'));
    },
  });
  const modules = path.join(projectDir, 'node_modules');
  mkdirSync(path.join(copy, 'node_modules'));
  for (const entry of readdirSync(modules)) {
    if (!BUILD_CACHES.has(entry)) symlinkSync(path.join(modules, entry), path.join(copy, 'node_modules', entry));
  }
  return copy;
}

/** A `dmesg` that prints the walk's crash log, in a folder to put first on PATH. */
function dmesgStandIn(copy: string): string {
  const bin = path.join(scratch, 'bin');
  mkdirSync(bin);
  const dmesg = path.join(bin, 'dmesg');
  writeFileSync(dmesg, `#!/bin/sh\nexec cat ${JSON.stringify(path.join(copy, 'crash.log'))}\n`);
  chmodSync(dmesg, 0o755);
  return bin;
}

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

function run(command: string, cwd: string, env: NodeJS.ProcessEnv): Promise<Run> {
  return new Promise((resolve) => {
    execFile('bash', ['-o', 'pipefail', '-c', command], { cwd, env, maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
      resolve({ code, stdout, stderr });
    });
  });
}

/** The project's uncommitted changes, to show that the walk made none; undefined outside git. */
function projectStatus(): string | undefined {
  try {
    return execFileSync('git', ['status', '--porcelain', '--untracked-files=all'], { cwd: projectDir, encoding: 'utf8' });
  } catch {
    return undefined;
  }
}

describe("the README's five-minute walk", () => {
  it('finds the commands to run in the walk', () => {
    const commands = walkCommands(readFileSync(README, 'utf8'));
    expect(commands.some((command) => /\boopsbook new\b/.test(command)), `${WALK_HEADING} in README.md: no \`oopsbook new\` command in its sh blocks`).toBe(true);
    expect(commands.filter((command) => !LONG_RUNNING.test(command)).length).toBeGreaterThanOrEqual(4);
  });

  it('runs every command of the walk in a scratch copy, and each one works', { timeout: 300_000 }, async () => {
    const readme = readFileSync(README, 'utf8');
    const commands = walkCommands(readme);
    expect(commands.length, `${WALK_HEADING} in README.md has no sh blocks`).toBeGreaterThan(0);
    const before = projectStatus();
    const copy = copyProject();
    const env: NodeJS.ProcessEnv = { ...process.env, PATH: `${dmesgStandIn(copy)}${path.delimiter}${process.env.PATH ?? ''}` };
    // The walk uses the copy's own folders and settings, whatever the test runner was given.
    for (const name of Object.keys(env)) if (name.startsWith('OOPSBOOK_')) delete env[name];

    let written: string | undefined;
    for (const command of commands) {
      if (LONG_RUNNING.test(command)) continue;
      const result = await run(command, copy, env);
      expect(result.code, `\`${command}\` exited with ${result.code}\n${result.stdout.slice(-3000)}\n${result.stderr.slice(-3000)}`).toBe(0);
      const scaffolded = /^wrote (\S+\.md)/m.exec(result.stdout)?.[1];
      if (/\boopsbook new\b/.test(command)) {
        expect(scaffolded, `\`${command}\` did not say which file it wrote:\n${result.stdout}`).toBeDefined();
        written = path.join(copy, scaffolded ?? '');
        writeFileSync(written, fillInMarkers(readFileSync(written, 'utf8')));
      }
      if (/\boopsbook triage\b/.test(command) && written) {
        // The case the walk added matches the log it was made from.
        expect(result.stdout).toContain(path.basename(written, '.md'));
      }
    }

    expect(written, 'the walk adds no case').toBeDefined();
    if (commands.some((command) => /^npm run build\b/.test(command))) {
      expect(existsSync(path.join(copy, 'dist', 'cases', path.basename(written ?? '', '.md'), 'index.html'))).toBe(true);
      // The page the walk's embed example frames is one the build writes.
      for (const block of fencedBlocks(walkSection(readme), 'html')) {
        for (const [, page] of block.matchAll(/src="https?:\/\/[^/"]+(\/[^"]*)"/g)) {
          expect(existsSync(path.join(copy, 'dist', page ?? '', 'index.html')), `${page} is not in the built site`).toBe(true);
        }
      }
    }
    expect(projectStatus()).toBe(before);
  });
});
