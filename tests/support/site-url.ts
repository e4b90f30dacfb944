/** The absolute URL the site is built for, as astro.config.mjs reads it. */
export function siteUrl(): string {
  return (process.env.OOPSBOOK_SITE ?? 'http://localhost:4321').replace(/\/$/, '');
}
