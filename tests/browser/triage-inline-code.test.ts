import { describe, expect, it } from 'vitest';
import { useBrowserSession } from '../support/browser-session.ts';
import { openTemplate } from '../support/page-templates.ts';

const session = useBrowserSession();

describe('triage tool recommendations', () => {
  it('show the code spans of their reasons as code, not as backticks', async () => {
    const page = session.page;
    await openTemplate(page, session.url, { name: 'triage', url: '/triage/' });
    await page.locator('.triage-tools li').first().waitFor();
    const shown = await page.evaluate(() => {
      const leftovers: string[] = [];
      const walk = (node: Node): void => {
        if (node.nodeType === Node.TEXT_NODE && /`[^`\n]+`/.test(node.textContent ?? '')) leftovers.push(node.textContent ?? '');
        if (node instanceof Element && ['PRE', 'CODE', 'TEXTAREA', 'SCRIPT', 'STYLE'].includes(node.tagName)) return;
        node.childNodes.forEach(walk);
      };
      walk(document.getElementById('triage-results')!);
      return { leftovers, codes: document.querySelectorAll('.triage-tools code').length };
    });
    expect(shown.leftovers).toEqual([]);
    // The seed log's recommendations (slub_debug, kmemleak, page_owner…) name options in code spans.
    expect(shown.codes).toBeGreaterThan(0);
  });
});
