import { readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { useBrowserSession } from '../support/browser-session.ts';
import { openTemplate, pageTemplates } from '../support/page-templates.ts';
import { distDir } from '../support/paths.ts';

const PHONE = { width: 390, height: 844 };
/** WCAG 2.5.8 (target size, minimum): 24 by 24 CSS pixels, or spaced so 24px circles do not overlap. */
const TARGET = 24;

const session = useBrowserSession({ viewport: PHONE, deviceScaleFactor: 1, isMobile: true, hasTouch: true });

/** Every page of a collection: long tokens differ from one case or tool to the next. */
function everyPageIn(folder: string): Array<{ name: string; url: string }> {
  return readdirSync(path.join(distDir, folder), { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => ({ name: `${folder} ${entry.name}`, url: `/${folder}/${encodeURIComponent(entry.name)}/` }));
}

const pages = [...pageTemplates(), ...everyPageIn('cases'), ...everyPageIn('tools')];

describe(`phone layout at ${PHONE.width}×${PHONE.height}`, () => {
  for (const template of pages) {
    it(`${template.name}: nothing wider than the screen, stack links big enough to tap`, async () => {
      const page = session.page;
      await openTemplate(page, session.url, template);
      await page.evaluate(() => document.querySelectorAll('details').forEach((details) => (details.open = true)));
      const measured = await page.evaluate((target) => {
        const width = document.documentElement.scrollWidth;
        // The widest elements, to name the culprit when the page is too wide.
        const wide = [...document.querySelectorAll('body *')]
          .filter((element) => element.getBoundingClientRect().right > window.innerWidth + 0.5 && !element.closest('pre, .table-wrap, .diagram-scroll'))
          .slice(0, 3)
          .map((element) => `${element.tagName.toLowerCase()}.${element.className}: ${(element.textContent ?? '').slice(0, 40)}`);
        const links = [...document.querySelectorAll('.stack pre a')].map((link) => link.getBoundingClientRect());
        const small = links.filter((rect, index) => {
          if (rect.height >= target && rect.width >= target) return false;
          const x = rect.left + rect.width / 2;
          const y = rect.top + rect.height / 2;
          // Smaller is fine when no other target's centre is within 24px (the spacing exception).
          return links.some((other, otherIndex) => otherIndex !== index && Math.hypot(other.left + other.width / 2 - x, other.top + other.height / 2 - y) < target);
        });
        return { width, wide, links: links.length, small: small.length, smallest: Math.min(...links.map((rect) => rect.height)) };
      }, TARGET);
      expect({ width: measured.width, wide: measured.width > PHONE.width ? measured.wide : [] }).toEqual({ width: Math.min(measured.width, PHONE.width), wide: [] });
      expect(measured.width).toBeLessThanOrEqual(PHONE.width);
      expect(measured.small, `${measured.small} of ${measured.links} stack links under ${TARGET}px (smallest ${measured.smallest}px)`).toBe(0);
    });
  }
});
