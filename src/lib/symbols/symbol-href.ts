/** URL of a symbol's page. Symbols are C identifiers, safe in a path as they are. */
export function symbolHref(symbol: string, base = '/'): string {
  return `${base.replace(/\/$/, '')}/symbols/${encodeURIComponent(symbol)}/`;
}
