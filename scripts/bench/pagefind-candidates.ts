#!/usr/bin/env node
// Ways of handing a built site's searchable pages to Pagefind, timed side by side in one sitting:
//
//   npx node scripts/bench/pagefind-candidates.ts --site <built site> [--rounds 5] [--only a,c,c3]
//
// Build a site to measure with `npm run bench -- --cases 1000 --keep` (the site is `<work>/site`).
// Candidates, run in turn each round so that the machine's load falls on all of them alike:
//   a  addDirectory over the built pages (SEARCHABLE_PAGES), what the build did before twins;
//   b  addCustomRecord per page: url, text, meta, filters and language, taken here from the index
//      `a` wrote (only the Pagefind side is timed: the build would also have to make that text);
//   c  a lean twin of each page (searchTwin) written under the same path in a scratch folder, then
//      addDirectory over it; the cutting, writing and removing are timed with it;
//   c3 the same in /dev/shm (tmpfs, memory), when the machine has it;
//   c2 the same twins handed over with addHTMLFile, without a scratch folder;
//   d  the pages as they are but with each stack log's lines as plain text (no per-line spans or
//      symbol links), in a scratch folder: what fewer bytes of markup per case page would buy.
// Each candidate's index is compared with a's fragment by fragment: a page's text, meta, filters
// and the anchors its sub-results come from. (Two runs of a itself do not write byte-identical
// index files: pages are numbered in the order Pagefind's threads finish reading them.)
// Wall time moves with whatever else the machine runs; CPU time (this process and the Pagefind
// binary, user + system, from /proc/self/stat once the binary has exited) much less.
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { gunzipSync } from 'node:zlib';
import * as pagefind from 'pagefind';
import { SEARCHABLE_PAGES } from '../../src/integrations/search-index.ts';
import { searchTwin } from './search-twin.ts';
import { formatBytes, formatMs } from './format-table.ts';
import { selfAndChildrenCpuMs as cpuMs, treeRssBytes } from './measure-process.ts';
import { median } from './median.ts';

const { values } = parseArgs({ options: { site: { type: 'string' }, rounds: { type: 'string', default: '5' }, only: { type: 'string' } } });
if (!values.site) throw new Error('--site <folder of a built Oopsbook site> is required');
const site = path.resolve(values.site);
const rounds = Number(values.rounds);
const work = mkdtempSync(path.join(tmpdir(), 'oopsbook-pagefind-'));

/** The searchable pages, relative to the site, as SEARCHABLE_PAGES selects them. */
const folders = ['cases', 'symptoms', 'tools', 'checklists', 'diagrams'];
const pages = folders.flatMap((folder) => {
  const dir = path.join(site, folder);
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => path.join(folder, entry.name, 'index.html'))
    .filter((file) => existsSync(path.join(site, file)));
});

/** Waits until Pagefind's binary has exited and been reaped, so its CPU time is in cutime/cstime. */
async function binaryGone(): Promise<void> {
  for (let tries = 0; tries < 100; tries++) {
    const children = readdirSync('/proc/self/task').flatMap((task) => readFileSync(`/proc/self/task/${task}/children`, 'utf8').trim().split(' ').filter(Boolean));
    if (children.length === 0) return;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error('Pagefind did not exit');
}

async function newIndex(): Promise<pagefind.PagefindIndex> {
  const { index, errors } = await pagefind.createIndex({});
  if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
  return index;
}

async function finish(index: pagefind.PagefindIndex, out: string): Promise<void> {
  const written = await index.writeFiles({ outputPath: out });
  if (written.errors.length > 0) throw new Error(written.errors.join('; '));
  await index.deleteIndex();
  await pagefind.close();
  await binaryGone();
}

async function addDirectory(dir: string, out: string): Promise<void> {
  const index = await newIndex();
  const added = await index.addDirectory({ path: dir, glob: SEARCHABLE_PAGES });
  if (added.errors.length > 0) throw new Error(added.errors.join('; '));
  await finish(index, out);
}

/** Writes each page's transform under its own path in a fresh scratch folder. */
function writeScratch(transform: (html: string, file: string) => string, under = work): string {
  const dir = mkdtempSync(path.join(under, 'oopsbook-pages-'));
  for (const file of pages) {
    const target = path.join(dir, file);
    mkdirSync(path.dirname(target), { recursive: true });
    writeFileSync(target, transform(readFileSync(path.join(site, file), 'utf8'), file));
  }
  return dir;
}

const twinOf = (html: string, file: string) => {
  const twin = searchTwin(html);
  if (twin === undefined) throw new Error(`${file}: no data-pagefind-body`);
  return twin;
};

/** A stack log's lines without their markup: the spans and links dropped, the escaped text kept. */
const plainLogs = (html: string) => html.replace(/(<pre\b[^>]*\bdata-pagefind-ignore\b[^>]*>)([\s\S]*?)<\/pre>/g, (_all, open: string, inner: string) => `${open}${inner.replace(/<[^>]*>/g, '')}</pre>`);

interface Fragment {
  url: string;
  content: string;
  meta: unknown;
  filters: unknown;
  anchors: unknown;
  word_count: number;
}

function readFragments(out: string): Map<string, Fragment> {
  const fragments = new Map<string, Fragment>();
  const dir = path.join(out, 'fragment');
  for (const name of readdirSync(dir)) {
    const fragment = JSON.parse(gunzipSync(readFileSync(path.join(dir, name))).toString('utf8').replace(/^pagefind_dcd/, '')) as Fragment;
    fragments.set(fragment.url, fragment);
  }
  return fragments;
}

const reference = path.join(work, 'out-a-reference');
/** A folder in memory on most Linux machines: twins written there never reach the disk. */
const MEMORY_FOLDER = '/dev/shm';
let records: pagefind.CustomRecord[] = [];

const candidates: Array<{ name: string; what: string; run: (out: string) => Promise<void> }> = [
  { name: 'a', what: 'addDirectory over the built pages', run: (out) => addDirectory(site, out) },
  {
    name: 'b',
    what: 'addCustomRecord per page (text, meta, filters from a)',
    run: async (out) => {
      const index = await newIndex();
      for (const record of records) {
        const added = await index.addCustomRecord(record);
        if (added.errors.length > 0) throw new Error(added.errors.join('; '));
      }
      await finish(index, out);
    },
  },
  {
    name: 'c',
    what: 'lean twins in a scratch folder, addDirectory',
    run: async (out) => {
      const dir = writeScratch(twinOf);
      await addDirectory(dir, out);
      rmSync(dir, { recursive: true, force: true });
    },
  },
  ...(existsSync(MEMORY_FOLDER)
    ? [
        {
          name: 'c3',
          what: `lean twins in ${MEMORY_FOLDER} (tmpfs), addDirectory`,
          run: async (out: string) => {
            const dir = writeScratch(twinOf, MEMORY_FOLDER);
            try {
              await addDirectory(dir, out);
            } finally {
              rmSync(dir, { recursive: true, force: true });
            }
          },
        },
      ]
    : []),
  {
    name: 'c2',
    what: 'lean twins through addHTMLFile',
    run: async (out) => {
      const index = await newIndex();
      for (const file of pages) {
        const added = await index.addHTMLFile({ sourcePath: file, content: twinOf(readFileSync(path.join(site, file), 'utf8'), file) });
        if (added.errors.length > 0) throw new Error(added.errors.join('; '));
      }
      await finish(index, out);
    },
  },
  {
    name: 'd',
    what: 'whole pages, stack logs as plain text, addDirectory',
    run: async (out) => {
      const dir = writeScratch((html) => (html.includes('data-pagefind-ignore') ? plainLogs(html) : html));
      await addDirectory(dir, out);
      rmSync(dir, { recursive: true, force: true });
    },
  },
];

const chosen = values.only === undefined ? candidates : candidates.filter((candidate) => values.only?.split(',').includes(candidate.name));
if (!chosen.some((candidate) => candidate.name === 'a')) throw new Error('--only must include a: every candidate is compared with it');
const htmlBytes = pages.reduce((sum, file) => sum + readFileSync(path.join(site, file)).length, 0);
const twinBytes = pages.reduce((sum, file) => sum + Buffer.byteLength(twinOf(readFileSync(path.join(site, file), 'utf8'), file)), 0);
process.stdout.write(`${pages.length} searchable pages, ${formatBytes(htmlBytes)} of HTML; lean twins ${formatBytes(twinBytes)}\n`);

const timings = new Map<string, Array<{ ms: number; cpu: number; peak: number }>>();
try {
  await addDirectory(site, reference);
  const referenceFragments = readFragments(reference);
  records = [...referenceFragments.values()].map((fragment) => ({
    url: fragment.url,
    content: fragment.content,
    language: 'en',
    meta: fragment.meta as Record<string, string>,
    filters: fragment.filters as Record<string, string[]>,
  }));
  const sameness = new Map<string, string>();
  for (let round = 0; round < rounds; round++) {
    for (const candidate of chosen) {
      const out = path.join(work, `out-${candidate.name}-${round}`);
      let peak = 0;
      const timer = setInterval(() => (peak = Math.max(peak, treeRssBytes(process.pid))), 100);
      const cpuBefore = cpuMs();
      const started = performance.now();
      await candidate.run(out);
      const ms = performance.now() - started;
      const cpu = cpuMs() - cpuBefore;
      clearInterval(timer);
      timings.set(candidate.name, [...(timings.get(candidate.name) ?? []), { ms, cpu, peak }]);
      process.stderr.write(`round ${round + 1} ${candidate.name}: ${formatMs(ms)} wall, ${formatMs(cpu)} CPU, peak ${formatBytes(peak)}\n`);
      if (round === 0) {
        const fragments = readFragments(out);
        const differing: Record<string, number> = {};
        for (const [url, fragment] of referenceFragments) {
          const other = fragments.get(url);
          if (!other) differing.missing = (differing.missing ?? 0) + 1;
          else for (const field of ['content', 'meta', 'filters', 'anchors', 'word_count'] as const) if (JSON.stringify(other[field]) !== JSON.stringify(fragment[field])) differing[field] = (differing[field] ?? 0) + 1;
        }
        const fields = Object.entries(differing).map(([field, count]) => `${field} on ${count}`).join(', ');
        sameness.set(candidate.name, `${fragments.size} pages; ${fields ? `differ: ${fields}` : 'identical'}`);
      }
      rmSync(out, { recursive: true, force: true });
    }
  }
  const wallA = median((timings.get('a') ?? []).map((item) => item.ms));
  const cpuA = median((timings.get('a') ?? []).map((item) => item.cpu));
  process.stdout.write(`\n| Candidate | Wall, median of ${rounds} (all) | Ratio to a | CPU, median | Ratio to a | Peak RSS (Node + Pagefind) | Fragments against a |\n| --- | ---: | ---: | ---: | ---: | ---: | --- |\n`);
  for (const candidate of chosen) {
    const runs = timings.get(candidate.name) ?? [];
    const ms = median(runs.map((item) => item.ms));
    const cpu = median(runs.map((item) => item.cpu));
    process.stdout.write(
      `| ${candidate.name}: ${candidate.what} | ${formatMs(ms)} (${runs.map((item) => formatMs(item.ms)).join(', ')}) | ${(ms / wallA).toFixed(2)} × | ${formatMs(cpu)} | ${(cpu / cpuA).toFixed(2)} × | ${formatBytes(Math.max(...runs.map((item) => item.peak)))} | ${sameness.get(candidate.name) ?? ''} |\n`,
    );
  }
  process.stdout.write(`\nLoad average at the end: ${loadavg().map((value) => value.toFixed(2)).join(', ')}.\n`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
