import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../../src/lib/browser/launch-chromium.ts';
import { caseLog } from '../support/case-logs.ts';
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

/** What has focus: tag, text or name, and whether the focus ring shows. */
const focused = () =>
  page.evaluate(() => {
    const element = document.activeElement as HTMLElement | null;
    if (!element || element === document.body) return { tag: 'body', label: '', ring: false, href: '', overflows: false };
    const style = getComputedStyle(element);
    return {
      tag: element.tagName.toLowerCase(),
      label: (element.getAttribute('aria-label') ?? element.textContent ?? (element as HTMLInputElement).name ?? '').trim().slice(0, 60),
      ring: style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2,
      href: element.getAttribute('href') ?? '',
      overflows: element.scrollWidth > element.clientWidth,
    };
  });

/** Presses Tab until `wanted` holds for the focused element; fails after `limit` presses. */
async function tabTo(wanted: (element: Awaited<ReturnType<typeof focused>>) => boolean, limit = 40) {
  for (let presses = 0; presses < limit; presses++) {
    await page.keyboard.press('Tab');
    const element = await focused();
    if (wanted(element)) return element;
  }
  throw new Error(`not reached with ${limit} Tab presses; focus is on ${JSON.stringify(await focused())}`);
}

describe('keyboard only', () => {
  it('skips to the content first, with a visible focus ring', async () => {
    // The home and search pages put the cursor in the search box; every other page starts at the skip link.
    await page.goto(`${server.url}/tools/`);
    await page.keyboard.press('Tab');
    const first = await focused();
    expect(first).toMatchObject({ tag: 'a', label: 'Skip to content', ring: true });
    expect(await page.locator('.skip-link').evaluate((element) => element.getBoundingClientRect().left >= 0)).toBe(true);
    await page.keyboard.press('Enter');
    expect(new URL(page.url()).hash).toBe('#main');
  });

  it('reaches triage from the menu, pastes, runs it and opens the top case without a mouse', async () => {
    await page.goto(`${server.url}/`);
    const menu = await tabTo((element) => element.href === '/triage/');
    expect(menu.ring).toBe(true);
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/triage\/$/);
    await tabTo((element) => element.tag === 'textarea');
    await page.keyboard.insertText(caseLog('xen-pvmmu-pgd-pin-bad-type'));
    await tabTo((element) => element.tag === 'button' && element.label === 'Triage');
    await page.keyboard.press('Enter');
    await page.locator('.triage-matches > li').first().waitFor();
    const top = await tabTo((element) => element.href.startsWith('/cases/'));
    expect(top.href).toBe('/cases/xen-pvmmu-pgd-pin-bad-type/');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/cases\/xen-pvmmu-pgd-pin-bad-type\/$/);
  });

  it('filters the case list with the keyboard', async () => {
    await page.goto(`${server.url}/cases/`);
    const rows = page.locator('.case-table tbody tr:not([hidden])');
    const all = await rows.count();
    await tabTo((element) => element.tag === 'select');
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => rows.count()).toBeLessThan(all);
    expect(new URL(page.url()).search).not.toBe('');
  });

  it('can scroll a long log with the arrow keys', async () => {
    await page.goto(`${server.url}/cases/i40e-out-of-tree-rx-page-leak/`);
    const log = await tabTo((element) => element.tag === 'pre' && element.overflows, 120);
    expect(log.ring).toBe(true);
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => page.evaluate(() => (document.activeElement as HTMLElement).scrollLeft)).toBeGreaterThan(0);
  });
});
