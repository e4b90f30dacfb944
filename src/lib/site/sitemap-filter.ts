/**
 * Which built pages the sitemap lists. Embed pages are meant for iframes inside other tools'
 * runbooks; listed in a sitemap, search engines would send readers to a page without navigation.
 * `base` is the path the site lives under (`/playbook/`).
 */
export function includeInSitemap(page: string, base = '/'): boolean {
  return !new URL(page).pathname.startsWith(`${base.replace(/\/$/, '')}/embed/`);
}
