import { describe, expect, it } from 'vitest';
import { useBrowserSession } from '../support/browser-session.ts';

const session = useBrowserSession();

const focusedId = () => session.page.evaluate(() => document.activeElement?.id ?? '');

describe('the / key', () => {
  it('puts the cursor in the search box of a page that has one, without typing a slash', async () => {
    await session.page.goto(`${session.url}/`);
    await session.page.fill('#search-q', 'kfree');
    await session.page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    expect(await focusedId()).not.toBe('search-q');
    await session.page.keyboard.press('/');
    expect(await focusedId()).toBe('search-q');
    expect(await session.page.inputValue('#search-q')).toBe('kfree');
  });

  it('opens the search page, cursor in its box, from a page without one', async () => {
    await session.page.goto(`${session.url}/tools/`);
    await session.page.keyboard.press('/');
    await session.page.waitForURL(/\/search\/$/);
    await expect.poll(focusedId).toBe('search-q');
  });

  it('leaves a slash typed into a field, or pressed with Ctrl or Meta, alone', async () => {
    await session.page.goto(`${session.url}/triage/`);
    await session.page.click('#triage-log');
    await session.page.keyboard.type('a/b');
    expect(await session.page.inputValue('#triage-log')).toBe('a/b');
    expect(await focusedId()).toBe('triage-log');
    await session.page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    for (const chord of ['Control+/', 'Meta+/', 'Alt+/']) await session.page.keyboard.press(chord);
    expect(new URL(session.page.url()).pathname).toBe('/triage/');
  });
});
