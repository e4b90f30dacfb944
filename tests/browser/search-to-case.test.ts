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
  page = await browser.newPage();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('search by stack symbol in a browser', () => {
  it('goes from the home page search box to the case', async () => {
    await page.goto(`${server.url}/`);
    await page.fill('#search-q', 'i40e_napi_poll+0x137f/0x1720 [i40e]');
    await page.press('#search-q', 'Enter');
    await page.waitForURL(/\/search\/\?q=/);
    const first = page.locator('#search-results li a').first();
    await first.waitFor();
    expect(await first.getAttribute('href')).toBe('/cases/i40e-out-of-tree-rx-page-leak/');
    await first.click();
    await page.waitForURL(/\/cases\/i40e-out-of-tree-rx-page-leak\/$/);
    expect(await page.locator('h1').textContent()).toContain('i40e');
    // The frame the engineer searched for is a link to its symbol page.
    await page.locator('#stacks ~ figure a[href="/symbols/i40e_napi_poll/"]').first().click();
    await page.waitForURL(/\/symbols\/i40e_napi_poll\/$/);
    expect(await page.locator('h1').textContent()).toBe('i40e_napi_poll');
  });

  it('filters the case list by facet and keeps the filter in the URL', async () => {
    await page.goto(`${server.url}/cases/?hypervisor=xen-pv`);
    const visible = page.locator('.case-table tbody tr:not([hidden])');
    const count = await visible.count();
    expect(count).toBeGreaterThan(0);
    for (const text of await visible.allTextContents()) expect(text).not.toContain('i40e');
    await page.selectOption('select[name="hypervisor"]', '');
    expect(await visible.count()).toBeGreaterThan(count);
  });

  it('switches theme and remembers it', async () => {
    await page.goto(`${server.url}/`);
    await page.click('[data-theme-toggle]');
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('light');
    await page.click('[data-theme-toggle]');
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
    await page.goto(`${server.url}/tools/`);
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
  });
});
