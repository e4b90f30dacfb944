// @ts-check
import sitemap from '@astrojs/sitemap';
import { defineConfig } from 'astro/config';
import { oopsbook } from './src/integrations/oopsbook.ts';
import { cspDirectives } from './src/lib/security/csp-directives.ts';

export default defineConfig({
  // Absolute URL the site is served from; the sitemap needs it. Set OOPSBOOK_SITE when deploying.
  site: process.env.OOPSBOOK_SITE ?? 'http://localhost:4321',
  trailingSlash: 'always',
  integrations: [oopsbook(), sitemap()],
  // A Content-Security-Policy meta on every page: Astro hashes each page's scripts and styles.
  security: { csp: { algorithm: 'SHA-256', directives: [...cspDirectives] } },
});
