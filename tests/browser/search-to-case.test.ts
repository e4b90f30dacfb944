import { describe, expect, it } from 'vitest';
import { useBrowserSession } from '../support/browser-session.ts';

const session = useBrowserSession();

describe('search by stack symbol in a browser', () => {
  it('goes from the home page search box to the case', async () => {
    await session.page.goto(`${session.url}/`);
    await session.page.fill('#search-q', 'i40e_napi_poll+0x137f/0x1720 [i40e]');
    await session.page.press('#search-q', 'Enter');
    await session.page.waitForURL(/\/search\/\?q=/);
    const first = session.page.locator('#search-results li a').first();
    await first.waitFor();
    // Found through the symbol index: the link goes to the trace that holds the frame.
    expect(await first.getAttribute('href')).toMatch(/^\/cases\/i40e-out-of-tree-rx-page-leak\/#stack-\d+$/);
    await first.click();
    await session.page.waitForURL(/\/cases\/i40e-out-of-tree-rx-page-leak\/#stack-\d+$/);
    expect(await session.page.locator('h1').textContent()).toContain('i40e');
    // The frame the engineer searched for is a link to its symbol page.
    await session.page.locator('#stacks ~ figure a[href="/symbols/i40e_napi_poll/"]').first().click();
    await session.page.waitForURL(/\/symbols\/i40e_napi_poll\/$/);
    expect(await session.page.locator('h1').textContent()).toBe('i40e_napi_poll');
  });

  it('loads nothing of the search index on the search page without a query', async () => {
    const requested: string[] = [];
    const record = (request: { url(): string }) => requested.push(new URL(request.url()).pathname);
    session.page.on('request', record);
    await session.page.goto(`${session.url}/search/`, { waitUntil: 'load' });
    session.page.off('request', record);
    expect(requested).toContain('/search/');
    expect(requested.filter((path) => path.startsWith('/pagefind/'))).toEqual([]);
  });

  it('requests the query\'s shards from the page head once, and the search takes them over', async () => {
    const requested: string[] = [];
    const record = (request: { url(): string }) => requested.push(new URL(request.url()).pathname);
    session.page.on('request', record);
    await session.page.goto(`${session.url}/search/?q=${encodeURIComponent('i40e_napi_poll+0x137f/0x1720 [i40e]')}`);
    await session.page.locator('#search-results li a').first().waitFor();
    session.page.off('request', record);
    const shards = requested.filter((path) => /^\/(?:symbol|title)-index\//.test(path));
    expect(shards.sort()).toEqual(['/symbol-index/i4.json', '/title-index/i4.json']);
    // Requested before the search script, which would otherwise ask for them once it has run.
    const script = requested.findIndex((path) => path.startsWith('/_astro/search.'));
    expect(requested.indexOf('/symbol-index/i4.json')).toBeLessThan(script);
  });

  it('filters the case list by facet and keeps the filter in the URL', async () => {
    await session.page.goto(`${session.url}/cases/?hypervisor=xen-pv`);
    const visible = session.page.locator('.case-table tbody tr:not([hidden])');
    const count = await visible.count();
    expect(count).toBeGreaterThan(0);
    for (const text of await visible.allTextContents()) expect(text).not.toContain('i40e');
    await session.page.selectOption('select[name="hypervisor"]', '');
    expect(await visible.count()).toBeGreaterThan(count);
  });

  it('switches theme and remembers it', async () => {
    await session.page.goto(`${session.url}/`);
    await session.page.click('[data-theme-toggle]');
    expect(await session.page.evaluate(() => document.documentElement.dataset.theme)).toBe('light');
    await session.page.click('[data-theme-toggle]');
    expect(await session.page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
    await session.page.goto(`${session.url}/tools/`);
    expect(await session.page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
  });
});
