import { createHash } from 'node:crypto';
import { THEME_STORAGE_KEY } from './theme-storage-key.ts';

/**
 * The inline `<head>` script that applies a stored light or dark choice before the first paint,
 * so a dark page never flashes light, and its hash for the page's Content-Security-Policy. It sits
 * before Astro's policy meta, which therefore does not govern it, but it is listed all the same:
 * a policy that names every script stays right wherever the meta ends up.
 */
export const themeBootScript = (() => {
  const source = `(() => { try { const theme = localStorage.getItem(${JSON.stringify(THEME_STORAGE_KEY)}); if (theme === 'light' || theme === 'dark') document.documentElement.dataset.theme = theme; } catch {} })();`;
  return { source, hash: `sha256-${createHash('sha256').update(source).digest('base64')}` as const };
})();
