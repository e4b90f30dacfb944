import { createHash } from 'node:crypto';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { caseLog } from '../support/case-logs.ts';
import { openTemplate, pageTemplates } from '../support/page-templates.ts';
import { useBrowserSession } from '../support/browser-session.ts';
import { allPages, readPage } from '../support/site-files.ts';

const session = useBrowserSession();

/** Opens a page that records every CSP violation and page error. */
async function watchedPage(): Promise<{ page: Page; problems: string[] }> {
  const page = await session.browser.newPage();
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console: ${message.text()}`);
  });
  await page.exposeFunction('__reportViolation', (text: string) => problems.push(text));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      (window as unknown as { __reportViolation(text: string): void }).__reportViolation(`CSP blocked ${event.blockedURI || 'inline'} (${event.violatedDirective})`);
    });
  });
  return { page, problems };
}

describe('Content-Security-Policy', () => {
  it('is set on every built page', () => {
    const pages = allPages();
    expect(pages.length).toBeGreaterThan(50);
    // Site pages get Astro's policy (scripts by hash); embed pages a stricter one of their own (no script at all).
    const weak = pages.filter((page) => {
      const policy = /<meta http-equiv="content-security-policy" content="([^"]*)"/i.exec(readPage(page))?.[1];
      if (!policy || !/default-src '(?:self|none)'/.test(policy)) return true;
      const scripts = /script-src ([^;]*)/.exec(policy)?.[1];
      return scripts !== undefined && /'unsafe-inline'|'unsafe-eval'|\*/.test(scripts);
    });
    expect(weak).toEqual([]);
  });

  it('lists every inline script of every page by its hash, even those before the policy meta', () => {
    const unlisted = allPages().flatMap((page) => {
      const html = readPage(page);
      const policy = /<meta http-equiv="content-security-policy" content="([^"]*)"/i.exec(html)?.[1] ?? '';
      return [...html.matchAll(/<script(?![^>]*\ssrc=)[^>]*>([\s\S]*?)<\/script>/gi)]
        .map((match) => `sha256-${createHash('sha256').update(match[1] ?? '').digest('base64')}`)
        .filter((hash) => !policy.includes(`'${hash}'`))
        .map((hash) => `${page}: ${hash}`);
    });
    expect(unlisted).toEqual([]);
  });

  it('leaves no inline event handler, style attribute or script URL in any page', () => {
    const offending = allPages().flatMap((page) => {
      const html = readPage(page);
      const found = [
        ...html.matchAll(/<[a-z][\w:-]*\b[^>]*?\s(on[a-z]+|style)\s*=\s*["']?/gi),
        ...html.matchAll(/\b(?:href|src)\s*=\s*["']?\s*javascript:/gi),
      ];
      return found.map((match) => `${page}: ${match[0].slice(0, 80)}`);
    });
    expect(offending).toEqual([]);
  });

  for (const { name, url } of pageTemplates()) {
    it(`lets the ${name} page run with no violation and no error`, async () => {
      const { page, problems } = await watchedPage();
      await openTemplate(page, session.url, { name, url });
      await page.close();
      expect(problems).toEqual([]);
    });
  }
});

describe('triage with hostile pastes', () => {
  it('stays responsive on 10 MB of text and runs nothing from it', async () => {
    const { page, problems } = await watchedPage();
    await page.goto(`${session.url}/triage/`);
    const chunk = `${caseLog('xen-pvmmu-pgd-pin-bad-type')}\n<script>window.__pwned = 1</script><img src=x onerror="window.__pwned = 2">\n`;
    const started = Date.now();
    await page.evaluate((text) => {
      const target = document.querySelector<HTMLTextAreaElement>('#triage-log');
      if (target) target.value = text.repeat(Math.ceil((10 * 1024 * 1024) / text.length));
    }, chunk);
    // While the worker parses, the page keeps answering: timers still fire on time.
    const longestStall = page.evaluate(
      () =>
        new Promise<number>((resolve) => {
          let last = performance.now();
          let longest = 0;
          const tick = () => {
            const now = performance.now();
            longest = Math.max(longest, now - last);
            last = now;
            if (/matching case/.test(document.querySelector('#triage-status')?.textContent ?? '')) resolve(longest);
            else setTimeout(tick, 20);
          };
          setTimeout(tick, 20);
        }),
    );
    await page.click('#triage-form button[type="submit"]');
    await page.locator('#triage-status').filter({ hasText: /matching case/ }).waitFor({ timeout: 60_000 });
    const seconds = (Date.now() - started) / 1000;
    const stall = await longestStall;
    // The page answers input again once the parse is done.
    expect(await page.evaluate(() => document.querySelector<HTMLTextAreaElement>('#triage-log')?.value.length ?? 0)).toBeGreaterThan(10 * 1024 * 1024 - 1);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(await page.locator('#triage-results img, #triage-results script').count()).toBe(0);
    console.log(`triage page: 10 MB paste parsed and rendered in ${seconds.toFixed(1)} s; longest main-thread stall meanwhile ${Math.round(stall)} ms`);
    // Rendering the answer takes the main thread briefly; parsing must not.
    expect(stall).toBeLessThan(1000);
    await page.close();
    expect(problems).toEqual([]);
  });
});
