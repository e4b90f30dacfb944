#!/usr/bin/env node
// Where the time to the first search result goes:
// `npm run bench:search -- [--site dist] [--query i40e_napi_poll ...]`.
// Serves a built site, opens its search page in headless Chromium for each query (the first cold,
// the rest warm) and prints every resource, User Timing mark and long task on one timeline.
import path from 'node:path';
import { parseArgs } from 'node:util';
import { formatWaterfall, recordSearchWaterfalls } from './bench/search-waterfall.ts';
import { launchChromium } from '../src/lib/chromium/launch-chromium.ts';
import { serveStatic } from './bench/serve-static.ts';

const { values } = parseArgs({
  options: {
    site: { type: 'string', default: 'dist' },
    query: { type: 'string', multiple: true, default: ['i40e_napi_poll'] },
  },
});

const server = await serveStatic(path.resolve(values.site));
const browser = await launchChromium();
try {
  for (const waterfall of await recordSearchWaterfalls(browser, server.url, values.query)) process.stdout.write(`\n${formatWaterfall(waterfall)}\n`);
} finally {
  await browser.close();
  await server.close();
}
