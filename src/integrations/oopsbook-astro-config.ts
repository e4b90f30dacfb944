import sitemap from '@astrojs/sitemap';
import type { AstroInlineConfig } from 'astro';
import path from 'node:path';
import { projectDir } from '../lib/content/content-paths.ts';
import { cspDirectives } from '../lib/security/csp-directives.ts';
import { exportSettings, type OopsbookSettings } from '../lib/settings/oopsbook-settings.ts';
import { includeInSitemap } from '../lib/site/sitemap-filter.ts';
import { oopsbook } from './oopsbook.ts';

/**
 * The whole Astro configuration of an Oopsbook site, from resolved settings. `oopsbook build`,
 * `dev` and `preview` pass it to Astro's programmatic API, so a team repository needs no Astro
 * config of its own; this repository's astro.config.mjs is one more user of it.
 *
 * Pages, layouts and styles come from the Oopsbook package (`src/`, `public/`), wherever it is
 * installed; content, output and Astro's caches belong to the team repository (`root`).
 */
export function oopsbookAstroConfig(settings: OopsbookSettings, options: { outDir?: string } = {}): AstroInlineConfig {
  // The pages, the content loader and the CLI read the settings from the environment.
  exportSettings(settings);
  const packageDir = projectDir();
  return {
    root: settings.root,
    srcDir: path.join(packageDir, 'src'),
    publicDir: path.join(packageDir, 'public'),
    outDir: options.outDir ?? settings.out,
    // Vite's dependency cache goes with it, instead of into the shared node_modules/.vite.
    ...(settings.cacheDir ? { cacheDir: settings.cacheDir, vite: { cacheDir: path.join(settings.cacheDir, 'vite') } } : {}),
    // Absolute URL the site is served from; the sitemap and checklist exports need it.
    site: settings.site,
    base: settings.base,
    trailingSlash: 'always',
    integrations: [oopsbook(settings), sitemap({ filter: (page) => includeInSitemap(page, settings.base) })],
    // A Content-Security-Policy meta on every page: Astro hashes each page's scripts and styles.
    security: { csp: { algorithm: 'SHA-256', directives: [...cspDirectives] } },
    // Prism marks code tokens with classes; Shiki's inline colours would need 'unsafe-inline' styles.
    markdown: { syntaxHighlight: 'prism' },
  };
}
