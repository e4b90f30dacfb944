/** Where the site is served when OOPSBOOK_SITE is not set: the Astro dev and preview server. */
export const DEFAULT_SITE_URL = 'http://localhost:4321';

/**
 * The absolute URL of the host the site is served from, without a trailing slash. The sitemap,
 * the `source` of every checklist export and the CLI all read it here, so they always agree.
 */
export function siteUrl(env: NodeJS.ProcessEnv = process.env): string {
  const configured = env.OOPSBOOK_SITE?.trim();
  const url = new URL(configured ? configured : DEFAULT_SITE_URL);
  return url.href.replace(/\/+$/, '');
}

/** The path the site lives under (OOPSBOOK_BASE), `/` or `/playbook/`: always with both slashes. */
export function sitePathBase(env: NodeJS.ProcessEnv = process.env): string {
  const inner = (env.OOPSBOOK_BASE ?? '').trim().replace(/^\/+|\/+$/g, '');
  return inner === '' ? '/' : `/${inner}/`;
}

/** An absolute URL for a site path such as `/checklists/x/`, under the base path. */
export function absoluteUrl(path: string, env: NodeJS.ProcessEnv = process.env): string {
  return `${siteUrl(env)}${sitePathBase(env).replace(/\/$/, '')}${path.startsWith('/') ? path : `/${path}`}`;
}
