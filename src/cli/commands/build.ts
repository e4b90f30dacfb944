import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { SEARCH_INDEX_HANDOFF_ENV, writeSearchIndex } from '../../integrations/search-index.ts';
import { contentBytes, heapLimitMiB, withHeapLimit } from '../../lib/build/heap-limit.ts';
import { exportSettings } from '../../lib/settings/oopsbook-settings.ts';
import { CliError } from '../cli-error.ts';
import type { CliCommand } from '../cli-command.ts';
import { astroEnvironment, siteSettingsFromArgs, SITE_FLAGS_USAGE } from '../site-options.ts';

/** Tells the build process where to write: the staging folder beside the output folder. */
export const BUILD_OUT_ENV = 'OOPSBOOK_BUILD_OUT_DIR';

const usage = `Usage: oopsbook build [--content DIR] [--diagrams DIR] [--out DIR] [--base PATH] [--site URL]

Checks the content, renders the diagrams, builds every page with Astro and indexes the site for
search. The site is written into a fresh folder beside the output folder and moved into place only
once the pages and the search index are complete: a failed or interrupted build leaves the
previous site as it was.

${SITE_FLAGS_USAGE}`;

/** The staging folder of a build by process `pid`: hidden, beside `out`, so renaming it is one step on one file system. */
function stagingDir(out: string, pid: number): string {
  return path.join(path.dirname(out), `.${path.basename(out)}.building-${pid}`);
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Removes staging folders left by builds that were killed (their process is gone). */
function removeAbandonedStaging(out: string): void {
  const prefix = `.${path.basename(out)}.`;
  const parent = path.dirname(out);
  for (const name of readdirSync(parent)) {
    const match = new RegExp(`^${prefix.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?:building|previous)-(\\d+)$`).exec(name);
    if (match && !isRunning(Number(match[1]))) rmSync(path.join(parent, name), { recursive: true, force: true });
  }
}

/**
 * Puts the finished site in place: the old folder is moved aside and the new one renamed into its
 * place, two renames on one file system, then the old one is removed.
 */
function swapIntoPlace(staging: string, out: string): void {
  if (!existsSync(out)) {
    renameSync(staging, out);
    return;
  }
  const previous = path.join(path.dirname(out), `.${path.basename(out)}.previous-${process.pid}`);
  renameSync(out, previous);
  renameSync(staging, out);
  rmSync(previous, { recursive: true, force: true });
}

/** Whether `inner` is `outer` or inside it. */
function within(inner: string, outer: string): boolean {
  const relative = path.relative(outer, inner);
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
}

/**
 * The output folder is replaced whole, so it must hold nothing but a built site: not the team
 * repository, its content or diagrams, nor the working directory.
 */
function checkOutDir(out: string, settings: { root: string; content: string; diagrams: string }): void {
  for (const [what, folder] of [['the repository', settings.root], ['the content folder', settings.content], ['the diagrams folder', settings.diagrams], ['the working directory', process.cwd()]] as const) {
    if (within(folder, out)) throw new CliError(`--out ${out} would replace ${what} (${folder}); choose a folder of its own, such as dist/`, 2);
  }
}

function workerScript(): string {
  // The checkout runs TypeScript, the installed package the JavaScript built from it.
  const extension = path.extname(fileURLToPath(import.meta.url));
  return fileURLToPath(new URL(`../site-build-worker${extension}`, import.meta.url));
}

export const buildCommand: CliCommand = {
  summary: 'build the site and its search index into dist/ (or --out)',
  usage,
  async run(args, io) {
    const settings = await siteSettingsFromArgs(args);
    exportSettings(settings);
    const out = settings.out;
    checkOutDir(out, settings);
    mkdirSync(path.dirname(out), { recursive: true });
    removeAbandonedStaging(out);
    const staging = stagingDir(out, process.pid);
    rmSync(staging, { recursive: true, force: true });
    const handoffDir = mkdtempSync(path.join(tmpdir(), 'oopsbook-build-'));
    const handoff = path.join(handoffDir, 'site-dir');

    // Astro runs in a process of its own with a heap ceiling scaled to the content (see
    // heap-limit.ts); Pagefind runs here once it has exited, so their memory never adds up.
    const child = spawn(process.execPath, [workerScript()], {
      stdio: ['ignore', 'inherit', 'inherit'],
      env: {
        ...astroEnvironment(process.env),
        [BUILD_OUT_ENV]: staging,
        [SEARCH_INDEX_HANDOFF_ENV]: handoff,
        NODE_OPTIONS: withHeapLimit(process.env.NODE_OPTIONS, heapLimitMiB(contentBytes(settings.content))),
      },
    });
    const cleanUp = () => {
      rmSync(staging, { recursive: true, force: true });
      rmSync(handoffDir, { recursive: true, force: true });
    };
    // Ctrl-C or a CI cancel: stop Astro, drop the half-built folder, keep the old site.
    // Astro is stopped first, so nothing writes into the folder while it is removed.
    const onSignal = (signal: NodeJS.Signals) => {
      const exit = () => {
        cleanUp();
        process.exit(signal === 'SIGINT' ? 130 : 143);
      };
      if (child.exitCode !== null || child.signalCode !== null) exit();
      child.once('exit', exit);
      child.kill(signal);
      setTimeout(() => child.kill('SIGKILL'), 5000).unref();
    };
    process.once('SIGINT', onSignal);
    process.once('SIGTERM', onSignal);
    try {
      const exitCode = await new Promise<number>((resolve, reject) => {
        child.on('error', reject);
        child.on('close', (code, signal) => resolve(code ?? (signal ? 128 : 1)));
      });
      if (exitCode !== 0) {
        io.stderr.write(`oopsbook build: the build failed; ${existsSync(out) ? `${out} is unchanged` : `nothing was written to ${out}`}\n`);
        return exitCode;
      }
      const siteDir = readFileSync(handoff, 'utf8');
      const started = performance.now();
      const stats = await writeSearchIndex(siteDir);
      const seconds = ((performance.now() - started) / 1000).toFixed(1);
      io.stdout.write(`search index: ${stats.pages} pages indexed by Pagefind in ${seconds} s\n`);
      swapIntoPlace(staging, out);
      io.stdout.write(`site written to ${out}${settings.base === '/' ? '' : ` (served under ${settings.base})`}\n`);
      return 0;
    } finally {
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
      cleanUp();
    }
  },
};
