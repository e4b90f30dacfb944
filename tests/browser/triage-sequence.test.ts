import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useBrowserSession } from '../support/browser-session.ts';
import { projectDir } from '../support/paths.ts';

const session = useBrowserSession();
const corpus = (name: string) => readFileSync(path.join(projectDir, 'tests/fixtures/oops/corpus', name), 'utf8');
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

// The parser reads only C and Rust symbol characters as a function name, so a report's markup can
// reach the drawing through the free-text fields: the task name of KASAN's access line and a
// lockdep lock name. Both carry an image tag whose error handler would mark the window.
const HOSTILE = '<img src=x onerror=window.__pwned=1>';
const KASAN_USE_AFTER_FREE = corpus('130.txt').replace('by task syz-executor5/3568', `by task ${HOSTILE}/3568`);
const LOCKDEP_CIRCULAR = corpus('185.txt').replaceAll('lock(&xt[i].mutex);', `lock(&xt[i].mutex${HOSTILE});`);

async function triage(page: Page, text: string): Promise<void> {
  await page.goto(`${session.url}/triage/`);
  await page.fill('#triage-log', text);
  await page.click('#triage-form button[type="submit"]');
  await page.locator('#triage-status').filter({ hasText: /matching case/ }).waitFor();
}

// The corpus files repeat the report under `REPORT:`, so the page shows it twice: read the first.
const texts = (page: Page, selector: string) => page.locator('.seq').first().locator(selector).allTextContents();

describe('triage page sequences', () => {
  it('draws a KASAN use-after-free as alloc → free → use lanes, markup as text', async () => {
    const page = session.page;
    await triage(page, KASAN_USE_AFTER_FREE);
    expect(await texts(page, '.seq-lane')).toEqual(['Allocated by task 3568', 'Freed by task 3568', `Bad access by task 3568 (${HOSTILE}) · CPU 1`, 'kmalloc-128 object at ffff8801c1afdb40']);
    expect(await texts(page, '.seq-text')).toEqual([
      'allocates: __kmalloc() ← crypto_create_tfm() ← crypto_alloc_tfm()',
      'frees: kfree() ← kzfree() ← crypto_destroy_tfm()',
      'Read of size 4: aead_recvmsg() ← sock_recvmsg() ← ___sys_recvmsg()',
    ]);
    expect(await texts(page, '.seq-window-caption')).toEqual(['use-after-free: Read of size 4, 28 bytes inside of the 128-byte object']);
    expect(await page.locator('#triage-results img').count()).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    // The use arrow runs from the third lane to the fourth.
    expect(await page.locator('.seq').first().locator('.seq-window .seq-arrow').getAttribute('aria-label')).toBe(`Bad access by task 3568 (${HOSTILE}) · CPU 1 to kmalloc-128 object at ffff8801c1afdb40`);
  });

  it('draws the two racing accesses of a KCSAN report', async () => {
    const page = session.page;
    await triage(page, corpus('449.txt'));
    expect(await texts(page, '.seq-lane')).toEqual(['Task 19788 · CPU 0', 'Task 19789 · CPU 1', '0xffff8880b588efb2 (2 bytes)']);
    expect(await texts(page, '.seq-window-caption')).toEqual(['data race: the two accesses overlap, and neither is ordered before the other']);
    expect(await texts(page, '.seq-window .seq-text')).toEqual(['write (2 bytes): netlink_recvmsg() ← sock_recvmsg_nosec() ← ___sys_recvmsg()', 'write (2 bytes): netlink_recvmsg() ← sock_recvmsg() ← __sys_recvfrom()']);
  });

  it('draws the lock-order cycle of a lockdep report, the deadlock marked', async () => {
    const page = session.page;
    await triage(page, LOCKDEP_CIRCULAR);
    expect(await texts(page, '.seq-lane')).toEqual(['CPU0', 'CPU1', 'rtnl_mutex', `&xt[i].mutex${HOSTILE}`, 'sk_lock-AF_INET']);
    expect(await texts(page, ':scope > .seq-steps > .seq-step .seq-text')).toEqual(['lock(rtnl_mutex)', `lock(&xt[i].mutex${HOSTILE})`]);
    expect(await texts(page, '.seq-window-caption')).toEqual(['*** DEADLOCK ***']);
    expect(await texts(page, '.seq-window .seq-text')).toEqual(['lock(rtnl_mutex): waits, CPU0 holds it', 'lock(sk_lock-AF_INET)']);
    expect(await page.locator('#triage-results img').count()).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
  });

  it('fits a phone: no sideways scrolling at 390 px', async () => {
    const page = await session.browser.newPage({ viewport: { width: 390, height: 844 } });
    await triage(page, corpus('557.txt'));
    expect(await page.locator('.seq').first().locator('.seq-lane').count()).toBe(6);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await page.close();
  });

  it('has no serious axe finding in either theme', async () => {
    const found: string[] = [];
    for (const colorScheme of ['light', 'dark'] as const) {
      const context = await session.browser.newContext({ bypassCSP: true, colorScheme });
      const page = await context.newPage();
      await triage(page, KASAN_USE_AFTER_FREE);
      await page.addScriptTag({ content: axeSource });
      const violations = await page.evaluate(async () => {
        const axe = (window as unknown as { axe: { run(context: Element, options: object): Promise<{ violations: Array<{ id: string; impact: string | null; nodes: Array<{ target: string[] }> }> }> } }).axe;
        return (await axe.run(document.querySelector('#triage-results')!, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } })).violations;
      });
      for (const violation of violations) {
        if (violation.impact === 'serious' || violation.impact === 'critical') found.push(`${colorScheme}: ${violation.id} ${violation.nodes.map((node) => node.target.join(' ')).join(' | ')}`);
      }
      await context.close();
    }
    expect(found).toEqual([]);
  });
});
