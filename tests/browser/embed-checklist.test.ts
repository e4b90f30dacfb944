import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { useBrowserSession } from '../support/browser-session.ts';

const session = useBrowserSession();

describe('a checklist embedded in a runbook', () => {
  it('shows its items inside an iframe on another origin and requests nothing else', async () => {
    const embedUrl = `${session.url}/embed/checklists/leak-hunt/`;
    // A runbook page on a different origin (another loopback port), the way a wiki or incident
    // tool would frame it. It is served for real: Chromium's local-network checks treat a page
    // whose response did not come from a loopback address as public, and refuse it the frame.
    const runbookServer = createServer((_request, response) => {
      response.writeHead(200, { 'content-type': 'text/html' });
      response.end(`<!doctype html><title>Runbook</title><h1>Leak runbook</h1><iframe src="${embedUrl}" title="checklist" width="800" height="600"></iframe>`);
    });
    await new Promise<void>((resolve) => runbookServer.listen(0, '127.0.0.1', resolve));
    const runbook = `http://127.0.0.1:${(runbookServer.address() as AddressInfo).port}/`;
    const requests: string[] = [];
    session.page.on('request', (request) => requests.push(request.url()));
    const console: string[] = [];
    session.page.on('console', (message) => console.push(message.text()));

    await session.page.goto(runbook);
    const frame = session.page.frameLocator('iframe');
    const items = frame.locator('ol.checklist > li');
    await items.first().waitFor();

    const expected = (await (await fetch(`${session.url}/checklists/leak-hunt.json`)).json()) as { items: Array<{ id: string; text: string }> };
    expect(await items.evaluateAll((nodes) => nodes.map((node) => node.id))).toEqual(expected.items.map((item) => item.id));
    expect(await frame.locator('h1').textContent()).toBe('Hunt a kernel memory leak');

    // Ticking works without any script.
    const box = items.first().locator('input[type="checkbox"]');
    await box.check();
    expect(await box.isChecked()).toBe(true);

    // Readable in the reader's colour scheme.
    const background = () => frame.locator('body').evaluate((body) => getComputedStyle(body).backgroundColor);
    await session.page.emulateMedia({ colorScheme: 'light' });
    expect(await background()).toBe('rgb(255, 255, 255)');
    await session.page.emulateMedia({ colorScheme: 'dark' });
    expect(await background()).toBe('rgb(20, 24, 28)');
    // Printed, it is black on white whatever the screen scheme.
    await session.page.emulateMedia({ media: 'print', colorScheme: 'dark' });
    expect(await background()).toBe('rgb(255, 255, 255)');
    expect(await frame.locator('body').evaluate((body) => getComputedStyle(body).color)).toBe('rgb(0, 0, 0)');

    expect(requests.filter((url) => !url.startsWith(runbook))).toEqual([embedUrl]);
    expect(console.filter((text) => /Content Security Policy/i.test(text))).toEqual([]);
    runbookServer.close();
  });
});
