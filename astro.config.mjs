// @ts-check
import sitemap from '@astrojs/sitemap';
import { defineConfig } from 'astro/config';
import { oopsbook } from './src/integrations/oopsbook.ts';
import { cspDirectives } from './src/lib/security/csp-directives.ts';
import { siteUrl } from './src/lib/site/site-url.ts';
import { includeInSitemap } from './src/lib/site/sitemap-filter.ts';

export default defineConfig({
  // Absolute URL the site is served from (OOPSBOOK_SITE); the sitemap and checklist exports need it.
  site: siteUrl(),
  trailingSlash: 'always',
  integrations: [oopsbook(), sitemap({ filter: includeInSitemap })],
  // A Content-Security-Policy meta on every page: Astro hashes each page's scripts and styles.
  security: { csp: { algorithm: 'SHA-256', directives: [...cspDirectives] } },
  // Prism marks code tokens with classes; Shiki's inline colours would need 'unsafe-inline' styles.
  markdown: { syntaxHighlight: 'prism' },
});
