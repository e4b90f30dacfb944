import type { SiteGraph } from '../site/build-site-graph.ts';

const cache = new WeakMap<SiteGraph, ReadonlySet<string>>();

/** The symbols that have a page, as the set symbol links look names up in; built once per site graph. */
export function linkableSymbols(site: SiteGraph): ReadonlySet<string> {
  let symbols = cache.get(site);
  if (!symbols) {
    symbols = new Set(site.symbols.keys());
    cache.set(site, symbols);
  }
  return symbols;
}
