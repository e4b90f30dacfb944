#!/usr/bin/env node
// Where the time to the first search result goes, and how it compares with Pagefind UI:
// `npm run bench:search -- [--site dist] [--query i40e_napi_poll ...]` prints, for each query (the
// first cold, the rest warm), every resource, User Timing mark and long task of one search page load.
// `npm run bench:search -- --work <kept bench folder> [--query ...] [--rounds 5] [--waterfall]`
// (or `--site <dir> --anchor <baseline dist>`) times each query cold on Oopsbook's search page and
// on the baseline's Pagefind UI page, `--rounds` times each, and prints both and their ratio. With
// `--work` and no `--query`, the queries are the benchmark's own (see search-query-sets.ts).
import path from 'node:path';
import { parseArgs } from 'node:util';
import { formatAnchorComparison, compareQueriesWithAnchor } from './bench/anchor-comparison.ts';
import { benchQuerySetsIn } from './bench/anchor-bench-queries.ts';
import { formatWaterfall, recordSearchWaterfalls } from './bench/search-waterfall.ts';
import { launchChromium } from '../src/lib/chromium/launch-chromium.ts';
import { serveStatic } from './bench/serve-static.ts';

const { values } = parseArgs({
  options: {
    site: { type: 'string' },
    anchor: { type: 'string' },
    work: { type: 'string' },
    seed: { type: 'string', default: '1' },
    query: { type: 'string', multiple: true },
    rounds: { type: 'string', default: '5' },
    waterfall: { type: 'boolean', default: false },
  },
});
const work = values.work === undefined ? undefined : path.resolve(values.work);
const site = path.resolve(values.site ?? (work ? path.join(work, 'site') : 'dist'));
const anchor = values.anchor ?? (work ? path.join(work, 'baseline/dist') : undefined);
const rounds = Number(values.rounds);
if (!Number.isInteger(rounds) || rounds < 1) throw new Error(`--rounds must be a positive integer, got ${values.rounds}`);
const sets =
  values.query !== undefined
    ? [{ label: 'query', queries: values.query, maxRatio: Number.NaN }]
    : work
      ? benchQuerySetsIn(path.join(work, 'content'), Number(values.seed))
      : [{ label: 'query', queries: ['i40e_napi_poll'], maxRatio: Number.NaN }];

const server = await serveStatic(site);
const anchorServer = anchor === undefined ? undefined : await serveStatic(path.resolve(anchor));
const browser = await launchChromium();
try {
  if (anchorServer) {
    for (const set of sets) {
      const compared = await compareQueriesWithAnchor(browser, server.url, anchorServer.url, set.queries, rounds);
      process.stdout.write(`\n${formatAnchorComparison(set, compared)}\n`);
    }
  }
  if (!anchorServer || values.waterfall) {
    for (const waterfall of await recordSearchWaterfalls(browser, server.url, sets.flatMap((set) => set.queries))) process.stdout.write(`\n${formatWaterfall(waterfall)}\n`);
  }
} finally {
  await browser.close();
  await server.close();
  await anchorServer?.close();
}
