import { describe, expect, it } from 'vitest';
import { caseLog } from '../support/case-logs.ts';
import { useBrowserSession } from '../support/browser-session.ts';

const session = useBrowserSession();

/** What has focus: tag, text or name, and whether the focus ring shows. */
const focused = () =>
  session.page.evaluate(() => {
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
    await session.page.keyboard.press('Tab');
    const element = await focused();
    if (wanted(element)) return element;
  }
  throw new Error(`not reached with ${limit} Tab presses; focus is on ${JSON.stringify(await focused())}`);
}

describe('keyboard only', () => {
  it('skips to the content first, with a visible focus ring', async () => {
    // The home and search pages put the cursor in the search box; every other page starts at the skip link.
    await session.page.goto(`${session.url}/tools/`);
    await session.page.keyboard.press('Tab');
    const first = await focused();
    expect(first).toMatchObject({ tag: 'a', label: 'Skip to content', ring: true });
    expect(await session.page.locator('.skip-link').evaluate((element) => element.getBoundingClientRect().left >= 0)).toBe(true);
    await session.page.keyboard.press('Enter');
    // Following an in-page link updates the URL after the key press returns.
    await session.page.waitForURL((url) => url.hash === '#main', { timeout: 5000 });
    expect(new URL(session.page.url()).hash).toBe('#main');
  });

  it('reaches triage from the menu, pastes, runs it and opens the top case without a mouse', async () => {
    await session.page.goto(`${session.url}/`);
    const menu = await tabTo((element) => element.href === '/triage/');
    expect(menu.ring).toBe(true);
    await session.page.keyboard.press('Enter');
    await session.page.waitForURL(/\/triage\/$/);
    await tabTo((element) => element.tag === 'textarea');
    await session.page.keyboard.insertText(caseLog('xen-pvmmu-pgd-pin-bad-type'));
    await tabTo((element) => element.tag === 'button' && element.label === 'Triage');
    await session.page.keyboard.press('Enter');
    await session.page.locator('.triage-matches > li').first().waitFor();
    const top = await tabTo((element) => element.href.startsWith('/cases/'));
    expect(top.href).toBe('/cases/xen-pvmmu-pgd-pin-bad-type/');
    await session.page.keyboard.press('Enter');
    await session.page.waitForURL(/\/cases\/xen-pvmmu-pgd-pin-bad-type\/$/);
  });

  it('filters the case list with the keyboard', async () => {
    await session.page.goto(`${session.url}/cases/`);
    const rows = session.page.locator('.case-table tbody tr:not([hidden])');
    const all = await rows.count();
    await tabTo((element) => element.tag === 'select');
    await session.page.keyboard.press('ArrowDown');
    await expect.poll(() => rows.count()).toBeLessThan(all);
    expect(new URL(session.page.url()).search).not.toBe('');
  });

  it('can scroll a long log with the arrow keys', async () => {
    await session.page.goto(`${session.url}/cases/i40e-out-of-tree-rx-page-leak/`);
    const log = await tabTo((element) => element.tag === 'pre' && element.overflows, 120);
    expect(log.ring).toBe(true);
    await session.page.keyboard.press('ArrowRight');
    await session.page.keyboard.press('ArrowRight');
    await expect.poll(() => session.page.evaluate(() => (document.activeElement as HTMLElement).scrollLeft)).toBeGreaterThan(0);
  });
});
