#!/usr/bin/env node
// `npm run screenshots`: the README's two pictures, taken from the built site in dist/ (run
// `npm run build` first; this script builds nothing). It serves dist/ as a static host would, opens
// a case page, and the triage page after a triage of a seed case's published oops, in headless
// Chromium, 1280 px wide in the light theme, and writes the first SCREEN_HEIGHT pixels of each to
// docs/images/ in a 256-colour palette (see optimize-png.ts).
import { existsSync, mkdirSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { launchChromium } from '../src/lib/chromium/launch-chromium.ts';
import { readCaseLogs } from '../src/lib/content/case-logs.ts';
import { contentRoot, projectDir } from '../src/lib/content/content-paths.ts';
import { THEME_STORAGE_KEY } from '../src/lib/site/theme-storage-key.ts';
import { serveStatic } from './bench/serve-static.ts';
import { optimizePng } from './screenshots/optimize-png.ts';

/** The case page shown: the AF_XDP race on veth. */
const CASE_PAGE = 'afxdp-veth-napi-rx-ring-race';
/** The seed case whose published oops is triaged: the first of its logs that opens with this report. */
const TRIAGED_CASE = 'i40e-out-of-tree-rx-page-leak';
const TRIAGED_REPORT = 'BUG: Bad page state';

const SCREEN_WIDTH = 1280;
/** One laptop screen: what a reader sees before scrolling. */
const SCREEN_HEIGHT = 900;
/** A README image larger than this slows the repository's front page; the script fails instead. */
const MAX_BYTES = 300 * 1024;

const siteDir = path.join(projectDir(), 'dist');
const imagesDir = path.join(projectDir(), 'docs', 'images');

async function triageLog(page: Page, url: string, log: string): Promise<void> {
  await page.goto(`${url}/triage/`);
  await page.fill('#triage-log', log);
  await page.click('#triage-form button[type="submit"]');
  await page.locator('#triage-status').filter({ hasText: /matching case/ }).waitFor();
  // The picture shows the pasted log from its first line, then the answer below it: the box is
  // scrolled back to the top, and the page down to the box's label, past the page's introduction.
  await page.locator('#triage-log').evaluate((box) => box.scrollTo(0, 0));
  await page.locator('#triage-form').evaluate((form) => window.scrollTo(0, form.getBoundingClientRect().top + window.scrollY - 12));
}

async function save(page: Page, name: string): Promise<void> {
  const file = path.join(imagesDir, name);
  // Without animations or a caret, once web fonts have loaded. The triage page's status line says
  // how long the triage took, so that picture differs a little from run to run.
  await page.evaluate(() => document.fonts.ready);
  const png = optimizePng(await page.screenshot({ animations: 'disabled', caret: 'hide', type: 'png' }));
  if (png.length > MAX_BYTES) throw new Error(`${path.relative(projectDir(), file)} would be ${Math.round(png.length / 1024)} KiB, over the ${MAX_BYTES / 1024} KiB README budget`);
  writeFileSync(file, png);
  process.stdout.write(`${path.relative(projectDir(), file)}: ${SCREEN_WIDTH}×${SCREEN_HEIGHT}, ${Math.round(statSync(file).size / 1024)} KiB\n`);
}

if (!existsSync(path.join(siteDir, 'index.html'))) {
  process.stderr.write(`${siteDir} has no built site: run \`npm run build\` first\n`);
  process.exit(1);
}
const log = readCaseLogs(path.join(contentRoot(), 'cases'))
  .get(TRIAGED_CASE)
  ?.find((text) => text.split('\n', 1)[0]?.includes(TRIAGED_REPORT));
if (!log) {
  process.stderr.write(`${path.join(contentRoot(), 'cases', `${TRIAGED_CASE}.md`)}: no stack log opens with "${TRIAGED_REPORT}"\n`);
  process.exit(1);
}
mkdirSync(imagesDir, { recursive: true });
const server = await serveStatic(siteDir);
const browser = await launchChromium();
try {
  const context = await browser.newContext({ viewport: { width: SCREEN_WIDTH, height: SCREEN_HEIGHT }, colorScheme: 'light', deviceScaleFactor: 1 });
  // The theme toggle's stored choice wins over the system's; store light so the pictures are light.
  await context.addInitScript((key) => localStorage.setItem(key, 'light'), THEME_STORAGE_KEY);
  const page = await context.newPage();
  await page.goto(`${server.url}/cases/${CASE_PAGE}/`);
  await save(page, 'case-page.png');
  await triageLog(page, server.url, log);
  await save(page, 'triage-page.png');
} finally {
  await browser.close();
  await server.close();
}
