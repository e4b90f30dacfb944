/** Where the site is served when OOPSBOOK_SITE is not set: the Astro dev and preview server. */
export const DEFAULT_SITE_URL = 'http://localhost:4321';

/**
 * The absolute URL the site is served from, without a trailing slash. The sitemap, the `source`
 * of every checklist export and the CLI all read it here, so they always agree.
 */
export function siteUrl(env: NodeJS.ProcessEnv = process.env): string {
  const configured = env.OOPSBOOK_SITE?.trim();
  const url = new URL(configured ? configured : DEFAULT_SITE_URL);
  return url.href.replace(/\/+$/, '');
}

/** An absolute URL for a site path such as `/checklists/x/`. */
export function absoluteUrl(path: string, env: NodeJS.ProcessEnv = process.env): string {
  return `${siteUrl(env)}${path.startsWith('/') ? path : `/${path}`}`;
}
