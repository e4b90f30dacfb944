import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { launchChromium } from '../../src/lib/chromium/launch-chromium.ts';
import { serveStatic } from '../../scripts/bench/serve-static.ts';
import { distDir } from './paths.ts';

/** The built site served locally and a headless Chromium, for the tests of one file. */
export interface BrowserSession {
  readonly browser: Browser;
  /** The first page, opened with the options given. */
  readonly page: Page;
  /** Where dist/ is served, e.g. `http://127.0.0.1:41234`. */
  readonly url: string;
}

/** Serves dist/ and launches Chromium before the file's tests; closes both after them. */
export function useBrowserSession(pageOptions: BrowserContextOptions = {}): BrowserSession {
  let browser: Browser | undefined;
  let page: Page | undefined;
  let server: Awaited<ReturnType<typeof serveStatic>> | undefined;
  beforeAll(async () => {
    server = await serveStatic(distDir);
    browser = await launchChromium();
    page = await browser.newPage(pageOptions);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });
  const ready = <T>(value: T | undefined, what: string): T => {
    if (value === undefined) throw new Error(`the browser session has no ${what} yet (used outside a test?)`);
    return value;
  };
  return {
    get browser() {
      return ready(browser, 'browser');
    },
    get page() {
      return ready(page, 'page');
    },
    get url() {
      return ready(server, 'server').url;
    },
  };
}
