import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../../src/lib/browser/launch-chromium.ts';
import { distDir } from '../support/paths.ts';
import { serveStatic } from '../../src/lib/browser/serve-static.ts';

let browser: Browser;
let server: Awaited<ReturnType<typeof serveStatic>>;
let page: Page;

beforeAll(async () => {
  server = await serveStatic(distDir);
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 390, height: 800 }, colorScheme: 'light' });
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const visibleRender = () =>
  page.evaluate(() =>
    [...document.querySelectorAll('.diagram-svg')].filter((element) => getComputedStyle(element).display !== 'none').map((element) => element.className),
  );

describe('a diagram on a phone', () => {
  it('follows the theme toggle, scrolls sideways and shows its sources on demand', async () => {
    await page.goto(`${server.url}/diagrams/afxdp-descriptor-lifecycle/`);
    expect(await visibleRender()).toEqual(['diagram-svg diagram-svg--light']);

    // auto → light → dark
    await page.click('[data-theme-toggle]');
    await page.click('[data-theme-toggle]');
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
    expect(await visibleRender()).toEqual(['diagram-svg diagram-svg--dark']);

    // Wider than the phone: the box scrolls instead of shrinking the labels to nothing.
    const box = await page.locator('.diagram-scroll').evaluate((element) => ({ scroll: element.scrollWidth, client: element.clientWidth }));
    expect(box.scroll).toBeGreaterThan(box.client);
    const svgWidth = await page.locator('.diagram-svg--dark svg').evaluate((element) => element.getBoundingClientRect().width);
    expect(svgWidth).toBeGreaterThanOrEqual(600);

    const source = page.locator('.diagram-sources details').first();
    expect(await source.locator('pre').isVisible()).toBe(false);
    await source.locator('summary').click();
    expect(await source.locator('pre').textContent()).toContain('flowchart LR');
  });
});
