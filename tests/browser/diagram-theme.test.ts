import { describe, expect, it } from 'vitest';
import { useBrowserSession } from '../support/browser-session.ts';

const session = useBrowserSession({ viewport: { width: 390, height: 800 }, colorScheme: 'light' });

const visibleRender = () =>
  session.page.evaluate(() =>
    [...document.querySelectorAll('.diagram-svg')].filter((element) => getComputedStyle(element).display !== 'none').map((element) => element.className),
  );

describe('a diagram on a phone', () => {
  it('follows the theme toggle, scrolls sideways and shows its sources on demand', async () => {
    await session.page.goto(`${session.url}/diagrams/afxdp-descriptor-lifecycle/`);
    expect(await visibleRender()).toEqual(['diagram-svg diagram-svg--light']);

    // auto → light → dark
    await session.page.click('[data-theme-toggle]');
    await session.page.click('[data-theme-toggle]');
    expect(await session.page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
    expect(await visibleRender()).toEqual(['diagram-svg diagram-svg--dark']);

    // Wider than the phone: the box scrolls instead of shrinking the labels to nothing.
    const box = await session.page.locator('.diagram-scroll').evaluate((element) => ({ scroll: element.scrollWidth, client: element.clientWidth }));
    expect(box.scroll).toBeGreaterThan(box.client);
    const svgWidth = await session.page.locator('.diagram-svg--dark svg').evaluate((element) => element.getBoundingClientRect().width);
    expect(svgWidth).toBeGreaterThanOrEqual(600);

    const source = session.page.locator('.diagram-sources details').first();
    expect(await source.locator('pre').isVisible()).toBe(false);
    await source.locator('summary').click();
    expect(await source.locator('pre').textContent()).toContain('flowchart LR');
  });
});

describe('a case page with diagrams on a phone', () => {
  it('loads only the image for the current theme and keeps it at reading size, scrolling sideways', async () => {
    const requested: string[] = [];
    session.page.on('request', (request) => {
      if (/\/diagrams\/[^/]+\/(?:light|dark)\.svg$/.test(request.url())) requested.push(new URL(request.url()).pathname);
    });
    await session.page.emulateMedia({ colorScheme: 'light' });
    await session.page.evaluate(() => localStorage.removeItem('oopsbook-theme'));
    await session.page.goto(`${session.url}/cases/afxdp-veth-napi-rx-ring-race/`);
    const first = session.page.locator('img.diagram-img.diagram-svg--light').first();
    await first.scrollIntoViewIfNeeded();
    await session.page.waitForFunction(() => [...document.querySelectorAll<HTMLImageElement>('img.diagram-svg--light')].some((image) => image.complete && image.naturalWidth > 0));
    expect(requested.some((url) => url.endsWith('/light.svg'))).toBe(true);
    expect(requested.filter((url) => url.endsWith('/dark.svg'))).toEqual([]);
    const width = await first.evaluate((image) => image.getBoundingClientRect().width);
    expect(width).toBeGreaterThanOrEqual(600);
    const box = await first.evaluate((image) => {
      const scroller = image.closest('.diagram-scroll')!;
      return { scroll: scroller.scrollWidth, client: scroller.clientWidth };
    });
    expect(box.scroll).toBeGreaterThan(box.client);
  });
});
