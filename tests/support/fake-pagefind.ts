/**
 * A stand-in for Pagefind's browser module that behaves as Pagefind 1.5.2 does while it starts:
 * a call made before its index is ready re-checks every 50 ms until it is. Tests import it by URL
 * through startPagefind and steer it through `fakePagefind`.
 */
export const fakePagefind = {
  calls: [] as string[],
  /** Set by the test: the fake clock time at which the index becomes ready. */
  readyAt: Number.POSITIVE_INFINITY,
  /** Set by the test: the index failed to load. */
  failed: false,
  reset(): void {
    this.calls = [];
    this.readyAt = Number.POSITIVE_INFINITY;
    this.failed = false;
  },
};

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Pagefind's `getPtr`: polls every 50 ms until the index is ready. */
async function waitUntilReady(): Promise<void> {
  for (;;) {
    if (fakePagefind.failed) throw new Error('index failed to load');
    if (Date.now() >= fakePagefind.readyAt) return;
    await sleep(50);
  }
}

export async function options(value: Record<string, unknown>): Promise<void> {
  fakePagefind.calls.push(`options ${JSON.stringify(value)}`);
}

export async function init(): Promise<void> {
  fakePagefind.calls.push('init');
}

export async function preload(term: string): Promise<void> {
  fakePagefind.calls.push(`preload ${JSON.stringify(term)}`);
  await waitUntilReady();
}

export async function search(): Promise<{ results: [] }> {
  await waitUntilReady();
  return { results: [] };
}
