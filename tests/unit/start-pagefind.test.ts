import { pathToFileURL } from 'node:url';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { startPagefind } from '../../src/lib/search/start-pagefind.ts';
import { fakePagefind } from '../support/fake-pagefind.ts';

const url = pathToFileURL(new URL('../support/fake-pagefind.ts', import.meta.url).pathname).href;

/** Waits, without moving the fake clock, until startPagefind has imported the module and called init. */
async function untilStarted(): Promise<void> {
  while (!fakePagefind.calls.includes('init')) await new Promise((resolve) => setImmediate(resolve));
}

describe('startPagefind', () => {
  beforeEach(() => {
    // setImmediate stays real: untilStarted waits on it for the module import, which no clock drives.
    vi.useFakeTimers({ now: 0, toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    fakePagefind.reset();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('sets the options before init and resolves within one probe interval of Pagefind being ready', async () => {
    fakePagefind.readyAt = 73;
    let readyAt: number | undefined;
    const started = startPagefind(url, { ranking: { pageLength: 0.2 } }, 10).then(() => {
      readyAt = Date.now();
    });
    await untilStarted();
    await vi.advanceTimersByTimeAsync(200);
    await started;
    expect(fakePagefind.calls.slice(0, 2)).toEqual(['options {"ranking":{"pageLength":0.2}}', 'init']);
    // A single call sent at 0 would only see the index ready at its 100 ms re-check.
    expect(readyAt).toBeGreaterThanOrEqual(73);
    expect(readyAt).toBeLessThanOrEqual(83);
  });

  it('stops probing once ready', async () => {
    fakePagefind.readyAt = 0;
    const started = startPagefind(url, {}, 10);
    await untilStarted();
    await vi.advanceTimersByTimeAsync(100);
    await started;
    expect(fakePagefind.calls.filter((call) => call.startsWith('preload')).length).toBeLessThanOrEqual(2);
  });

  it('rejects when Pagefind cannot load its index', async () => {
    fakePagefind.failed = true;
    const started = startPagefind(url, {}, 10);
    const outcome = expect(started).rejects.toThrow('index failed to load');
    await untilStarted();
    await vi.advanceTimersByTimeAsync(100);
    await outcome;
  });
});
