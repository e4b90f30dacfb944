import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { BrowserContext } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { useBrowserSession } from '../support/browser-session.ts';
import { openTemplate, pageTemplates } from '../support/page-templates.ts';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

const session = useBrowserSession();
const contexts: Partial<Record<'light' | 'dark', BrowserContext>> = {};

beforeAll(async () => {
  // axe is injected as a script, which the pages' own CSP would rightly refuse.
  for (const scheme of ['light', 'dark'] as const) contexts[scheme] = await session.browser.newContext({ bypassCSP: true, colorScheme: scheme });
});

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: Array<{ target: string[] }>;
}

describe('accessibility (axe-core, WCAG 2.1 A and AA)', () => {
  for (const { name, url } of pageTemplates()) {
    it(`finds no serious or critical violation on the ${name} page, light and dark`, async () => {
      const found: string[] = [];
      for (const scheme of ['light', 'dark'] as const) {
        const page = await contexts[scheme]!.newPage();
        await openTemplate(page, session.url, { name, url });
        // Open every disclosure too (triage frame tables, diagram sources): they are part of what a person reads.
        await page.evaluate(() => document.querySelectorAll('details').forEach((details) => (details.open = true)));
        await page.addScriptTag({ content: axeSource });
        const violations = await page.evaluate(async () => {
          const axe = (window as unknown as { axe: { run(context: Document, options: object): Promise<{ violations: AxeViolation[] }> } }).axe;
          const result = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
          return result.violations;
        });
        for (const violation of violations) {
          if (violation.impact !== 'serious' && violation.impact !== 'critical') continue;
          found.push(`${scheme}: ${violation.id} (${violation.impact}) ${violation.help}: ${violation.nodes.slice(0, 3).map((node) => node.target.join(' ')).join(' | ')}`);
        }
        await page.close();
      }
      expect(found).toEqual([]);
    });
  }
});
