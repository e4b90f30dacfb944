// A site built with `oopsbook build --base /playbook/` and served from that path: every link,
// asset, index, export, embed snippet, diagram image and sitemap entry stays under it, and search
// and triage work in a browser. The build writes into `served/playbook/`; only `served/` is served,
// so anything that escapes the base gets a 404.
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveStatic } from '../../scripts/bench/serve-static.ts';
import { launchChromium } from '../../src/lib/chromium/launch-chromium.ts';
import { createLinkChecker } from '../support/link-checker.ts';
import { projectDir } from '../support/paths.ts';

const run = promisify(execFile);
const SITE = 'https://wiki.example.org';
const BASE = '/playbook/';
let work: string;
let siteDir: string;
let buildSeconds: number;

beforeAll(async () => {
  work = mkdtempSync(path.join(tmpdir(), 'oopsbook-sub-path-'));
  siteDir = path.join(work, 'served', 'playbook');
  const started = performance.now();
  await run(
    process.execPath,
    [
      path.join(projectDir, 'scripts/oopsbook.ts'),
      'build',
      '--content', path.join(projectDir, 'tests/fixtures/minimal'),
      // The team template's diagram spec: one diagram page with its images.
      '--diagrams', path.join(projectDir, 'templates/team/diagrams'),
      '--out', siteDir,
      '--base', BASE,
      '--site', SITE,
    ],
    { cwd: projectDir, env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' }, maxBuffer: 64 * 1024 * 1024 },
  );
  buildSeconds = (performance.now() - started) / 1000;
}, 300_000);
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('a site built under --base /playbook/', () => {
  it('has every internal link, asset and export link resolve under /playbook/', () => {
    const { broken, checked, pages } = createLinkChecker(siteDir, SITE, BASE).checkSite();
    expect(pages).toBeGreaterThan(15);
    expect(checked).toBeGreaterThan(pages * 10);
    expect(broken).toEqual([]);
    process.stdout.write(`sub-path build: ${pages} pages, ${checked} links checked, built in ${buildSeconds.toFixed(1)} s\n`);
  });

  it('lists only pages under the base in the sitemap, and no embed page', () => {
    const locs = [...readFileSync(path.join(siteDir, 'sitemap-0.xml'), 'utf8').matchAll(/<loc>([^<]+)<\/loc>/g)].map((match) => match[1] ?? '');
    expect(locs).toContain(`${SITE}${BASE}cases/fixture-leak/`);
    for (const loc of locs) expect(loc.startsWith(`${SITE}${BASE}`)).toBe(true);
    expect(locs.filter((loc) => loc.includes('/embed/'))).toEqual([]);
    expect(readFileSync(path.join(siteDir, 'sitemap-index.xml'), 'utf8')).toContain(`${SITE}${BASE}sitemap-0.xml`);
  });

  it('puts the base into checklist exports and the embed snippet', () => {
    const json = JSON.parse(readFileSync(path.join(siteDir, 'checklists/debug-kernel.json'), 'utf8')) as { source?: { url?: string } };
    expect(JSON.stringify(json)).toContain(`${SITE}${BASE}checklists/debug-kernel/`);
    expect(readFileSync(path.join(siteDir, 'checklists/debug-kernel.md'), 'utf8')).toContain(`${SITE}${BASE}checklists/debug-kernel/`);
    const page = readFileSync(path.join(siteDir, 'checklists/debug-kernel/index.html'), 'utf8');
    expect(page).toContain(`src=&quot;${SITE}${BASE}embed/checklists/debug-kernel/&quot;`);
  });

  describe('in a browser, served from /playbook/ only', () => {
    let browser: Browser;
    let page: Page;
    let server: Awaited<ReturnType<typeof serveStatic>>;
    const missing: string[] = [];
    beforeAll(async () => {
      server = await serveStatic(path.join(work, 'served'));
      browser = await launchChromium();
      page = await browser.newPage();
      // Index shards the site probes for may be absent (a 404 it expects); a request outside the
      // base is always a bug.
      page.on('request', (request) => {
        const url = new URL(request.url());
        if (url.origin === server.url && !url.pathname.startsWith(BASE)) missing.push(`outside the base: ${url.pathname}`);
      });
      page.on('response', (response) => {
        if (response.status() >= 500) missing.push(`${response.status()} ${new URL(response.url()).pathname}`);
      });
    });
    afterAll(async () => {
      await browser?.close();
      await server?.close();
    });

    it('searches from the home page to the case', async () => {
      await page.goto(`${server.url}${BASE}`);
      await page.fill('#search-q', 'Fixture page leak');
      await page.press('#search-q', 'Enter');
      await page.waitForURL(/\/playbook\/search\/\?q=/);
      const first = page.locator('#search-results li a').first();
      await first.waitFor();
      expect(await first.getAttribute('href')).toMatch(/^\/playbook\/cases\/fixture-leak\//);
      await first.click();
      await page.waitForURL(/\/playbook\/cases\/fixture-leak\//);
      expect(await page.locator('h1').textContent()).toContain('Fixture page leak');
      expect(missing).toEqual([]);
    });

    it('finds free text through Pagefind, linked under the base', async () => {
      await page.goto(`${server.url}${BASE}search/?q=${encodeURIComponent('freed RX pages')}`);
      const links = page.locator('#search-results li a');
      await links.first().waitFor();
      for (const href of await links.evaluateAll((anchors) => anchors.map((anchor) => anchor.getAttribute('href') ?? ''))) expect(href.startsWith(BASE)).toBe(true);
      expect(missing).toEqual([]);
    });

    it('triages a pasted log against the triage index under the base', async () => {
      const log = readFileSync(path.join(projectDir, 'tests/fixtures/minimal/cases/fixture-leak.md'), 'utf8')
        .split('\n')
        .filter((line) => line.startsWith('      kernel:'))
        .map((line) => line.trim())
        .join('\n');
      await page.goto(`${server.url}${BASE}triage/`);
      await page.fill('#triage-log', `kernel: BUG: Bad page state in process swapper/57  pfn:7d518e\n${log}\n`);
      await page.click('#triage-form button[type="submit"]');
      await page.locator('#triage-status').filter({ hasText: /matching case/ }).waitFor();
      expect(await page.locator('.triage-matches > li a').first().getAttribute('href')).toBe(`${BASE}cases/fixture-leak/`);
      expect(await page.locator(`.triage-symptoms a[href="${BASE}symptoms/bad-page-state/"]`).count()).toBe(1);
      expect(missing).toEqual([]);
    });

    it('shows the diagram page with its images', async () => {
      await page.goto(`${server.url}${BASE}diagrams/example-rx-page-ownership/`);
      expect(await page.locator('svg, img').count()).toBeGreaterThan(0);
      expect(missing).toEqual([]);
    });
  });
});
