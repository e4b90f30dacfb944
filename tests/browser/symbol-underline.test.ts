import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { decodePng, type RgbaImage } from '../../scripts/screenshots/optimize-png.ts';
import { useBrowserSession } from '../support/browser-session.ts';
import { openTemplate } from '../support/page-templates.ts';

/*
 * A link's underline must not run through the underscores of a symbol (`__xsk_rcv_zc` would
 * read "xsk rcv zc"). Each link is drawn twice, with its underline and without, at twice the
 * pixel density: the rows that change are the underline, the rows with ink in the second
 * picture are the glyphs, underscores included. The underline has to lie wholly below the ink,
 * with at least one clear row between them.
 */
const SCALE = 2;
const session = useBrowserSession({ viewport: { width: 1280, height: 900 }, deviceScaleFactor: SCALE });

interface Rows {
  underline: number[];
  ink: number[];
}

function differs(a: RgbaImage, b: RgbaImage, at: number): boolean {
  for (let channel = 0; channel < 3; channel++) if (Math.abs((a.pixels[at + channel] ?? 0) - (b.pixels[at + channel] ?? 0)) > 40) return true;
  return false;
}

/** `boxRows`: the rows of the link's own box; below them another line's text may start. */
function rowsOf(withLine: RgbaImage, without: RgbaImage, boxRows: number): Rows {
  const background = [without.pixels[0] ?? 0, without.pixels[1] ?? 0, without.pixels[2] ?? 0];
  const underline: number[] = [];
  const ink: number[] = [];
  for (let y = 0; y < without.height; y++) {
    let changed = false;
    let inked = false;
    for (let x = 0; x < without.width; x++) {
      const at = (y * without.width + x) * 4;
      if (differs(withLine, without, at)) changed = true;
      if (background.some((value, channel) => Math.abs(value - (without.pixels[at + channel] ?? 0)) > 60)) inked = true;
    }
    if (changed) underline.push(y);
    if (inked && y < boxRows) ink.push(y);
  }
  return { underline, ink };
}

async function underlineRows(page: Page, link: Locator): Promise<Rows> {
  await link.scrollIntoViewIfNeeded();
  const box = await link.boundingBox();
  if (!box) throw new Error('the link is not laid out');
  // The link's own box and a few pixels below it, where a deep underline is drawn.
  const clip = { x: box.x, y: box.y, width: box.width, height: box.height + 6 };
  const withLine = decodePng(await page.screenshot({ clip }));
  await link.evaluate((element) => ((element as HTMLElement).style.textDecorationLine = 'none'));
  const without = decodePng(await page.screenshot({ clip }));
  await link.evaluate((element) => ((element as HTMLElement).style.textDecorationLine = ''));
  return rowsOf(withLine, without, Math.floor(box.height * SCALE));
}

function expectClear({ underline, ink }: Rows): void {
  expect(underline.length, 'the link has no visible underline').toBeGreaterThan(0);
  expect(ink.length, 'the link has no text').toBeGreaterThan(0);
  const lowestInk = Math.max(...ink.filter((row) => !underline.includes(row)));
  expect(Math.min(...underline), `underline rows ${underline.join(',')} against glyph rows down to ${lowestInk}`).toBeGreaterThan(lowestInk + 1);
}

describe('links to symbols keep their underscores visible', () => {
  it('in a case page stack, and in a code span in its prose', async () => {
    const page = session.page;
    await page.goto(`${session.url}/cases/afxdp-veth-napi-rx-ring-race/`);
    await page.evaluate(() => document.querySelectorAll('details').forEach((details) => (details.open = true)));
    const inStack = page.locator('.stack a', { hasText: /^__xsk_rcv_zc/ }).first();
    const inProse = page.locator('a:has(> code)', { hasText: '__xsk_rcv_zc' }).first();
    expectClear(await underlineRows(page, inStack));
    expectClear(await underlineRows(page, inProse));
  });

  it('in the frames of a report on /triage/', async () => {
    const page = session.page;
    await openTemplate(page, session.url, { name: 'triage', url: '/triage/' });
    const frame = page.locator('.triage-report a', { hasText: /_/ }).first();
    await frame.waitFor();
    expectClear(await underlineRows(page, frame));
  });
});
