import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

/** Flags for a sandboxed, offline, root-run headless Chromium that never phones home. */
const QUIET_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
  '--no-first-run',
];

/**
 * Finds a Chromium: `$CHROMIUM_PATH`, else Debian's `/usr/bin/chromium`, else the build that
 * the `@sparticuz/chromium` npm package ships (so `npm ci` alone is enough).
 */
export async function resolveChromium(env: NodeJS.ProcessEnv = process.env): Promise<{ executablePath: string; args: string[]; source: string }> {
  if (env.CHROMIUM_PATH) {
    if (!existsSync(env.CHROMIUM_PATH)) throw new Error(`CHROMIUM_PATH=${env.CHROMIUM_PATH} does not exist`);
    return { executablePath: env.CHROMIUM_PATH, args: QUIET_FLAGS, source: 'CHROMIUM_PATH' };
  }
  if (existsSync('/usr/bin/chromium')) return { executablePath: '/usr/bin/chromium', args: QUIET_FLAGS, source: '/usr/bin/chromium' };
  const packaged = (await import('@sparticuz/chromium')).default;
  const executablePath = await packaged.executablePath();
  return { executablePath, args: [...new Set([...packaged.args, ...QUIET_FLAGS])], source: '@sparticuz/chromium' };
}

/** Launches headless Chromium through playwright-core. */
export async function launchChromium(): Promise<Browser> {
  const { executablePath, args } = await resolveChromium();
  return chromium.launch({ executablePath, args, headless: true });
}
