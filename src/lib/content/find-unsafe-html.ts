import type { Nodes } from 'mdast';
import { markdownToMdast } from 'satteri';

/** Something in a Markdown body that would run code or pull in content when the page is shown. */
export interface UnsafeHtml {
  /** 1-based line within the body. */
  line: number;
  message: string;
}

/** Raw HTML that a case page must never carry, checked in order; the first rule that matches names the problem. */
const RAW_HTML_RULES: ReadonlyArray<{ pattern: RegExp; message: (match: RegExpExecArray) => string }> = [
  {
    pattern: /<script\b/i,
    message: () => 'raw <script> is not allowed in Markdown (put code in a fenced code block)',
  },
  {
    pattern: /<[a-z][\w-]*\b[^>]*?\s(on[a-z]+)\s*=/i,
    message: (match) => `event-handler attribute ${match[1]}= is not allowed in Markdown`,
  },
  {
    pattern: /<(iframe|frame|object|embed|base|meta|link|form|style)\b/i,
    message: (match) => `raw <${match[1]?.toLowerCase()}> is not allowed in Markdown`,
  },
  {
    pattern: /\b(?:href|src|action|formaction|xlink:href)\s*=\s*["']?\s*(javascript|vbscript|data):/i,
    message: (match) => `${match[1]?.toLowerCase()}: URLs are not allowed in Markdown`,
  },
];

const SCRIPT_URL = /^\s*(javascript|vbscript|data):/i;
/** Cheap test first: most bodies have no raw HTML and no script URL at all. */
const MAYBE_UNSAFE = /<[a-z!/]|(?:javascript|vbscript|data):/i;

/** Raw HTML blocks and link targets in a Markdown body that could run script. Code spans and fences are text, not HTML. */
export function findUnsafeHtml(body: string): UnsafeHtml[] {
  if (!MAYBE_UNSAFE.test(body)) return [];
  const found: UnsafeHtml[] = [];
  // The parser the site renders with, so what counts as HTML here is what the page would carry.
  eachNode(markdownToMdast(body) as Nodes, (node) => {
    const line = node.position?.start.line ?? 1;
    if (node.type === 'html') {
      const value = node.value;
      for (const rule of RAW_HTML_RULES) {
        const match = rule.pattern.exec(value);
        if (match) {
          found.push({ line: line + (value.slice(0, match.index).match(/\n/g)?.length ?? 0), message: rule.message(match) });
          break;
        }
      }
    } else if ((node.type === 'link' || node.type === 'image' || node.type === 'definition') && SCRIPT_URL.test(node.url)) {
      const scheme = SCRIPT_URL.exec(node.url)?.[1]?.toLowerCase();
      found.push({ line, message: `${scheme}: URLs are not allowed in Markdown` });
    }
  });
  return found;
}

/** Calls `visit` on `node` and every node below it, in document order. */
function eachNode(node: Nodes, visit: (node: Nodes) => void): void {
  visit(node);
  if ('children' in node) for (const child of node.children) eachNode(child, visit);
}
