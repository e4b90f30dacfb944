/**
 * Which built pages the sitemap lists. Embed pages are meant for iframes inside other tools'
 * runbooks; listed in a sitemap, search engines would send readers to a page without navigation.
 */
export function includeInSitemap(page: string): boolean {
  return !new URL(page).pathname.startsWith('/embed/');
}
