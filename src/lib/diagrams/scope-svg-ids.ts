/**
 * Renames every id inside a Mermaid SVG to `<prefix>-<n>`, numbered in order of appearance,
 * and rewrites the references to them (`url(#…)`, `href="#…"`, `aria-*` and `#…` in the SVG's
 * own style sheet's root selector).
 *
 * Two reasons: Mermaid takes some ids from a page-wide counter and others from the diagram's
 * actor names, so the same text rendered after other diagrams differs, and two inline SVGs on
 * one page (the light and dark renders, or two diagrams) would share marker ids, and a marker
 * inside a hidden SVG does not draw.
 */
export function scopeSvgIds(svg: string, prefix: string): string {
  const rootId = /^<svg[^>]*\sid="([^"]+)"/.exec(svg)?.[1];
  // References go to the first element with an id; later elements that repeat it (Mermaid gives
  // a sequence actor's top and bottom boxes the same id) get ids of their own.
  const renamed = new Map<string, string>();
  let count = 0;
  const rename = (id: string) => renamed.get(id) ?? id;

  let out = svg.replace(/(\sid=")([^"]+)(")/g, (_, open: string, id: string, close: string) => {
    let next: string;
    if (id === rootId && !renamed.has(id)) next = prefix;
    else next = `${prefix}-${++count}`;
    if (!renamed.has(id)) renamed.set(id, next);
    return `${open}${next}${close}`;
  });
  out = out
    .replace(/url\(#([^)]+)\)/g, (_, id: string) => `url(#${rename(id)})`)
    .replace(/(\s(?:xlink:)?href="#)([^"]+)(")/g, (_, open: string, id: string, close: string) => `${open}${rename(id)}${close}`)
    .replace(/(\saria-(?:labelledby|describedby)=")([^"]+)(")/g, (_, open: string, ids: string, close: string) => `${open}${ids.split(/\s+/).map(rename).join(' ')}${close}`);
  // Mermaid's style sheet scopes its rules with the root id (`#dg-x .node`).
  if (rootId) {
    const selector = new RegExp(`#${rootId.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\w-])`, 'g');
    out = out.replace(/<style>([\s\S]*?)<\/style>/g, (_, css: string) => `<style>${css.replace(selector, `#${prefix}`)}</style>`);
  }
  return out;
}
