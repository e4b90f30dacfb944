import { existsSync } from 'node:fs';
import type { Browser } from 'playwright-core';

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

/** Flags of `@sparticuz/chromium` that its headless build needs: software GL and no zygote. */
const PACKAGED_FLAGS_KEPT = ['--headless=', "--headless='shell'", '--no-zygote', '--use-gl=', '--use-angle=', '--enable-unsafe-swiftshader', '--in-process-gpu', '--font-render-hinting='];

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
  // Its own flag list is tuned for a serverless sandbox: one process (a closed page takes the
  // browser down with it) and web security off. Keep only what its build needs to start here.
  const keep = packaged.args.filter((flag) => PACKAGED_FLAGS_KEPT.some((kept) => flag.startsWith(kept)));
  return { executablePath, args: [...new Set([...keep, ...QUIET_FLAGS])], source: '@sparticuz/chromium' };
}

/**
 * Launches headless Chromium through playwright-core. The library is loaded here, not with this
 * module: importing it takes most of a second, and a build or development server whose diagrams
 * all come from the cache never launches a browser.
 */
export async function launchChromium(): Promise<Browser> {
  const { executablePath, args } = await resolveChromium();
  const { chromium } = await import('playwright-core');
  return chromium.launch({ executablePath, args, headless: true });
}
