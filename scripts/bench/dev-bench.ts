import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { projectDir } from '../../src/lib/content/content-paths.ts';
import { writeBaselineProject } from './baseline-project.ts';
import { measureDevServer, type DevPolling, type DevServerRun, type DevServerSpec } from './dev-server.ts';
import { formatBenchTable, formatBytes, formatMs, type BenchRow } from './format-table.ts';
import { writeBenchContent } from './write-bench-content.ts';
import { median } from './median.ts';

export interface DevBenchOptions {
  cases: number;
  seed: number;
  /** Cases edited on each server, one after another. */
  edits: number;
  keep: boolean;
  json?: string | undefined;
}

/** Polling of the served pages; docs/performance.md describes it. */
export const DEV_POLLING: DevPolling = { intervalMs: 20, settleMs: 2000, timeoutMs: 180_000 };

const range = (values: readonly number[]) => `${formatMs(Math.min(...values))} – ${formatMs(Math.max(...values))}`;

/**
 * The author's loop: generated content served by `oopsbook dev` and, over the same case files, by
 * the bare Astro project's `astro dev`, one after the other. Each is started twice: first with
 * empty caches (Astro's content store and Vite's dependency cache; first page, then the edits),
 * then again on what that start left (first page only).
 */
export async function runDevBench(options: DevBenchOptions): Promise<void> {
  const project = projectDir();
  const work = mkdtempSync(path.join(tmpdir(), 'oopsbook-dev-bench-'));
  const step = (text: string) => process.stderr.write(`[bench ${new Date().toISOString().slice(11, 19)}] ${text}\n`);
  let keepWork = options.keep;
  const loadAtStart = loadavg()[0] ?? 0;
  try {
    step(`generating ${options.cases} cases (seed ${options.seed}) in ${work}`);
    const content = writeBenchContent(path.join(work, 'content'), path.join(project, 'content'), options.cases, options.seed);
    const casesDir = path.join(content.root, 'cases');
    const ids = readdirSync(casesDir).filter((name) => name.endsWith('.md')).map((name) => name.slice(0, -3)).sort();
    const firstCase = ids[0] ?? '';
    // Spread over the collection; each server edits the same cases, each edit a new title and sentence.
    const editCases = Array.from({ length: Math.min(options.edits, ids.length) }, (_, index) => ids[Math.floor(((index + 0.5) * ids.length) / options.edits)] ?? firstCase);
    const baselineDir = path.join(work, 'baseline');
    writeBaselineProject(baselineDir, casesDir, path.join(project, 'node_modules'));

    const env = { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' };
    const caseFile = (id: string) => path.join(casesDir, `${id}.md`);
    const pagePath = (id: string) => `/cases/${id}/`;
    // The development server keeps its content store in `<root>/.astro/data-store.json` (the build
    // keeps it in the cache folder); the project's is emptied so that the first start syncs every
    // case, as the bare project's first start does. The next `npm run dev` syncs its content again.
    const oopsbookStore = path.join(project, '.astro', 'data-store.json');
    const oopsbookCache = path.join(work, 'oopsbook-cache');
    const oopsbookSpec = (start: string): DevServerSpec => ({
      command: process.execPath,
      args: [path.join(project, 'scripts/oopsbook.ts'), 'dev', '--content', content.root],
      cwd: project,
      env: { ...env, OOPSBOOK_CACHE_DIR: oopsbookCache },
      logFile: path.join(work, `oopsbook-dev-${start}.log`),
      pagePath,
      caseFile,
    });
    const baselineSpec = (start: string): DevServerSpec => ({ command: 'npx', args: ['astro', 'dev'], cwd: baselineDir, env, logFile: path.join(work, `baseline-dev-${start}.log`), pagePath, caseFile });

    const run = async (label: string, spec: DevServerSpec, edits: readonly string[], token: string): Promise<DevServerRun> => {
      step(`${label}: first page ${pagePath(firstCase)}${edits.length > 0 ? `, then ${edits.length} edits` : ''} (log ${spec.logFile})`);
      try {
        return await measureDevServer(spec, firstCase, edits, DEV_POLLING, token);
      } catch (error) {
        keepWork = true;
        throw error;
      }
    };
    rmSync(oopsbookStore, { force: true });
    const oopsbookCold = await run('oopsbook dev, empty cache', oopsbookSpec('cold'), editCases, 'oopsbook');
    const oopsbookWarm = await run('oopsbook dev, cache from the first start', oopsbookSpec('warm'), [], 'oopsbook');
    const baselineCold = await run('bare astro dev, empty cache', baselineSpec('cold'), editCases, 'bare');
    const baselineWarm = await run('bare astro dev, cache from the first start', baselineSpec('warm'), [], 'bare');

    const oopsEdits = oopsbookCold.edits.map((edit) => edit.ms);
    const bareEdits = baselineCold.edits.map((edit) => edit.ms);
    const firstRatio = oopsbookCold.firstPageMs / baselineCold.firstPageMs;
    const warmRatio = oopsbookWarm.firstPageMs / baselineWarm.firstPageMs;
    const editRatio = median(oopsEdits) / median(bareEdits);
    const both = (oopsbook: number, bare: number) => `${formatMs(oopsbook)} / ${formatMs(bare)}`;
    const rows: BenchRow[] = [
      { metric: 'Cases (generated Markdown)', value: `${options.cases} (${formatBytes(content.caseBytes)})` },
      { metric: 'Server address printed, empty cache: Oopsbook / bare', value: both(oopsbookCold.addressMs, baselineCold.addressMs) },
      { metric: 'First case page, empty cache: Oopsbook / bare', value: both(oopsbookCold.firstPageMs, baselineCold.firstPageMs) },
      { metric: 'First case page, empty cache: ratio', value: `${firstRatio.toFixed(2)} ×`, target: '≤ 1.5 ×', pass: firstRatio <= 1.5 },
      { metric: 'CPU time to the first case page, empty cache: Oopsbook / bare', value: `${both(oopsbookCold.firstPageCpuMs, baselineCold.firstPageCpuMs)} = ${(oopsbookCold.firstPageCpuMs / baselineCold.firstPageCpuMs).toFixed(2)} ×` },
      { metric: 'First case page, cache from the first start: Oopsbook / bare', value: both(oopsbookWarm.firstPageMs, baselineWarm.firstPageMs) },
      { metric: 'First case page, cache from the first start: ratio', value: `${warmRatio.toFixed(2)} ×`, target: '≤ 1.5 ×', pass: warmRatio <= 1.5 },
      { metric: 'CPU time to the first case page, cache from the first start: Oopsbook / bare', value: `${both(oopsbookWarm.firstPageCpuMs, baselineWarm.firstPageCpuMs)} = ${(oopsbookWarm.firstPageCpuMs / baselineWarm.firstPageCpuMs).toFixed(2)} ×` },
      { metric: `Saved case served, Oopsbook (median, range of ${oopsEdits.length})`, value: `${formatMs(median(oopsEdits))} (${range(oopsEdits)})`, target: '≤ 0.5 s', pass: median(oopsEdits) <= 500 },
      { metric: `Saved case served, bare (median, range of ${bareEdits.length})`, value: `${formatMs(median(bareEdits))} (${range(bareEdits)})` },
      { metric: 'Saved case served: ratio of medians', value: `${editRatio.toFixed(2)} ×`, target: '≤ 1.5 ×', pass: editRatio <= 1.5 },
      { metric: 'CPU time from the save to the changed page (median): Oopsbook / bare', value: both(median(oopsbookCold.edits.map((edit) => edit.cpuMs)), median(baselineCold.edits.map((edit) => edit.cpuMs))) },
    ];
    const machine = `${cpus().length} × ${cpus()[0]?.model.trim() ?? 'CPU'}, ${formatBytes(totalmem())} RAM, Node ${process.versions.node}, load average ${loadAtStart.toFixed(2)} at start`;
    process.stdout.write(
      `\n${formatBenchTable(rows)}\n\nMachine: ${machine}. Pages polled every ${DEV_POLLING.intervalMs} ms after the previous response; served = status 200 with a whole HTML document (and, after an edit, the new title and sentence). Edits rewrite the file in place, ${formatMs(DEV_POLLING.settleMs)} after the page was last served.\n`,
    );
    if (options.json) {
      writeFileSync(options.json, `${JSON.stringify({ cases: options.cases, seed: options.seed, machine, polling: DEV_POLLING, oopsbook: { cold: oopsbookCold, warm: oopsbookWarm }, baseline: { cold: baselineCold, warm: baselineWarm }, rows }, null, 2)}\n`);
      step(`results written to ${options.json}`);
    }
  } finally {
    if (keepWork) step(`kept ${work}`);
    else rmSync(work, { recursive: true, force: true });
  }
}
