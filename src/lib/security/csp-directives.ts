/**
 * Content-Security-Policy directives every page carries, next to the `script-src` and `style-src`
 * hashes Astro computes for each page. Nothing is loaded from another origin, nothing is embedded
 * as a plugin, and forms only submit to the site itself.
 */
export const cspDirectives = [
  "default-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
] as const;
