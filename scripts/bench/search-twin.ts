/**
 * A searchable page as Pagefind needs to read it: the `<html lang>` it takes the language from, the
 * element that carries `data-pagefind-body` (headings with ids, meta, filters and text), and
 * nothing else. The page chrome (head, header, navigation, footer, scripts) lies outside the body
 * and Pagefind reads none of it into the index; a `<pre data-pagefind-ignore>` (a stack log) keeps
 * its tag and loses its lines. Indexed under the same paths (so result URLs stay the same), the
 * twins give Pagefind the same fragments from 42 % of the HTML at 10,000 generated cases; see
 * pagefind-candidates.ts for what that buys. `undefined` for a page without `data-pagefind-body`.
 */
export function searchTwin(html: string): string | undefined {
  const marker = html.indexOf('data-pagefind-body');
  if (marker === -1) return undefined;
  const open = html.lastIndexOf('<', marker);
  const name = /^<([a-z][a-z0-9-]*)/i.exec(html.slice(open, marker))?.[1]?.toLowerCase();
  if (open === -1 || !name) return undefined;
  const close = matchingClose(html, name, open);
  if (close === -1) return undefined;
  const lang = /<html\b[^>]*\blang="([^"]*)"/i.exec(html.slice(0, open))?.[1];
  const body = html.slice(open, close).replace(IGNORED_PRE, '$1</pre>');
  return `<!DOCTYPE html><html${lang === undefined ? '' : ` lang="${lang}"`}><head><meta charset="utf-8"></head><body>${body}</body></html>`;
}

/** A `<pre>` Pagefind is told to ignore, with its content: a `<pre>` holds no other `<pre>`. */
const IGNORED_PRE = /(<pre\b[^>]*\bdata-pagefind-ignore\b[^>]*>)[\s\S]*?<\/pre>/gi;

/** Index just past the `</name>` that closes the element opened at `open`; -1 when it is not closed. */
function matchingClose(html: string, name: string, open: number): number {
  const tags = new RegExp(`<(/?)${name}\\b[^>]*>`, 'gi');
  tags.lastIndex = open;
  let depth = 0;
  for (let match = tags.exec(html); match; match = tags.exec(html)) {
    depth += match[1] === '/' ? -1 : 1;
    if (depth === 0) return match.index + match[0].length;
  }
  return -1;
}
