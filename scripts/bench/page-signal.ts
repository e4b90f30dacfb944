import type { BrowserContext } from 'playwright-core';

/**
 * Lets a page's init script tell the benchmark that something happened, by calling
 * `window[name](value)`. Waiting with `page.waitForFunction` or a locator instead makes Playwright
 * evaluate its own injected script in every new page, and that takes 12–26 ms of the page's main
 * thread in the middle of the interval being measured. Returns a function that arms the signal:
 * call it before navigating, then await what it returns.
 */
export async function exposeSignal(context: BrowserContext, name: string): Promise<(timeoutMs?: number) => Promise<unknown>> {
  let deliver: ((value: unknown) => void) | undefined;
  await context.exposeBinding(name, (_source, value: unknown) => deliver?.(value));
  return (timeoutMs = 60_000) =>
    new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        deliver = undefined;
        reject(new Error(`the page did not call ${name} within ${timeoutMs} ms`));
      }, timeoutMs).unref();
      deliver = (value) => {
        clearTimeout(timer);
        deliver = undefined;
        resolve(value);
      };
    });
}
