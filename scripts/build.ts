#!/usr/bin/env node
// `npm run build [-- astro build options]`: builds the site with Astro, then indexes it for search
// in this process once Astro has exited. Run inside Astro's `astro:build:done`, Pagefind's memory
// would add to everything Astro still holds; after it, the build's peak is the larger of the two.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { SEARCH_INDEX_HANDOFF_ENV, writeSearchIndex } from '../src/integrations/search-index.ts';
import { contentBytes, heapLimitMiB, withHeapLimit } from '../src/lib/build/heap-limit.ts';
import { contentRoot } from '../src/lib/content/content-paths.ts';

const astroBin = path.join(path.dirname(createRequire(import.meta.url).resolve('astro/package.json')), 'bin/astro.mjs');
const handoffDir = mkdtempSync(path.join(tmpdir(), 'oopsbook-build-'));
const handoff = path.join(handoffDir, 'site-dir');

try {
  const exitCode = await new Promise<number>((resolve, reject) => {
    const child = spawn(process.execPath, [astroBin, 'build', ...process.argv.slice(2)], {
      stdio: 'inherit',
      env: {
        ...process.env,
        [SEARCH_INDEX_HANDOFF_ENV]: handoff,
        // A heap ceiling scaled to the content (see heap-limit.ts); NODE_OPTIONS may set its own.
        NODE_OPTIONS: withHeapLimit(process.env.NODE_OPTIONS, heapLimitMiB(contentBytes(contentRoot()))),
      },
    });
    child.on('error', reject);
    child.on('close', (code, signal) => resolve(code ?? (signal ? 128 : 1)));
  });
  if (exitCode !== 0) {
    process.exitCode = exitCode;
  } else {
    const siteDir = readFileSync(handoff, 'utf8');
    const started = performance.now();
    const stats = await writeSearchIndex(siteDir);
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    process.stdout.write(`search index: ${stats.pages} pages indexed by Pagefind in ${seconds} s into ${path.join(siteDir, 'pagefind')}\n`);
  }
} finally {
  rmSync(handoffDir, { recursive: true, force: true });
}
