import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../../src/lib/browser/launch-chromium.ts';
import { caseLog, casesWithLogs } from '../support/case-logs.ts';
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

async function triage(text: string): Promise<void> {
  await page.goto(`${server.url}/triage/`);
  await page.fill('#triage-log', text);
  await page.click('#triage-form button[type="submit"]');
  await page.locator('#triage-status').filter({ hasText: /matching case/ }).waitFor();
}

describe('triage page', () => {
  for (const slug of casesWithLogs) {
    it(`puts ${slug} first for the log its write-up published`, async () => {
      await triage(caseLog(slug));
      const first = page.locator('.triage-matches > li').first();
      expect(await first.locator('a').first().getAttribute('href')).toBe(`/cases/${slug}/`);
      expect((await first.locator('li').allTextContents()).length).toBeGreaterThan(0);
    });
  }

  it('flags the out-of-tree i40e module loudly and links frames to their symbol pages', async () => {
    await triage(caseLog('i40e-out-of-tree-rx-page-leak'));
    const warning = page.locator('.suspect-module').first();
    expect(await warning.textContent()).toMatch(/Out-of-tree or unsigned module in the stack: i40e\(OE\)/);
    const frameLink = page.locator('table.frames a[href="/symbols/i40e_napi_poll/"]').first();
    expect(await frameLink.count()).toBe(1);
    expect(await page.locator('.triage-symptoms a[href="/symptoms/bad-page-state/"]').count()).toBe(1);
    expect(await page.locator('.triage-tools a').count()).toBeGreaterThan(0);
  });

  it('never turns pasted text into markup', async () => {
    const hostile = `BUG: Bad page state in process <img src=x onerror="window.__pwned=1">  pfn:7d518e
BUG: unable to handle page fault for address: <img src=x onerror="window.__pwned=3">
#PF: supervisor read access in kernel mode
RIP: 0010:<script>window.__pwned=2</script>+0x1/0x2
Call Trace:
 <b onmouseover=alert(1)>x</b>+0x1/0x2
 i40e_napi_poll+0x137f/0x1720 [i40e]
`;
    await triage(hostile);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(await page.locator('#triage-results img, #triage-results script, #triage-results b').count()).toBe(0);
    // The text is shown, as text.
    expect(await page.locator('.triage-symptoms').textContent()).toContain('<img src=x onerror="window.__pwned=1">');
  });
});
