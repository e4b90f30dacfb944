import type { Html, Text } from 'mdast';
import { defineMdastPlugin, markdownToHtml as renderMarkdown, type PluginFactoryContext } from 'satteri';
import { symbolLinksPlugin, type SymbolLinkOptions } from '../markdown/symbol-links-plugin.ts';
import { escapeHtml } from './escape-html.ts';

/**
 * Raw HTML in checklist text is almost always a placeholder such as `<device>`; show it as text
 * instead of passing it through, which would lose words and could run markup. The node an `html`
 * node becomes, under either processor.
 */
export function htmlAsTextNode(node: Readonly<Html>): Text {
  return { type: 'text', value: node.value };
}

const htmlAsText = defineMdastPlugin({
  name: 'oopsbook-html-as-text',
  html(node, ctx) {
    ctx.replaceNode(node, htmlAsTextNode(node));
  },
});

// Raw HTML needs a `<`; most item text has none and then skips the plugin pass altogether.
const htmlAsTextWhenNeeded = (document: PluginFactoryContext) => (document.source.includes('<') ? htmlAsText : null);

const options = {
  mdastPlugins: [htmlAsTextWhenNeeded],
  // Checklist text is a fragment, never a file: a leading `---` is a rule, not front matter.
  features: { gfm: true, frontmatter: false, smartPunctuation: false },
};

/** Renders Markdown (intros, item text) to an HTML fragment that contains no markup from the source. */
export function markdownToHtml(markdown: string): string {
  return renderMarkdown(markdown, options).html.trim();
}

/** Renders one paragraph of Markdown without its `<p>` wrapper, for use inside other elements. */
export function inlineMarkdownToHtml(markdown: string): string {
  return markdownToHtml(markdown).replace(/^<p>([\s\S]*)<\/p>$/, '$1');
}

/** What the site's pages add to inline rendering: links from code spans to symbol pages. */
export type SiteInlineOptions = SymbolLinkOptions;

// A line that would open a block (heading, quote, list, fence, rule, table row, setext underline)
// if it began a paragraph; a backslash before its first mark keeps it text.
const BLOCK_START = /^([#>|]|[-*+](?=\s|$)|```|~~~|=+\s*$|\d{1,9}[.)](?=\s|$))/;

/**
 * Frontmatter text cut to one paragraph: lines that would open a block get a backslash before
 * their first mark, so any Markdown parser reads them as text. Empty when there is no text.
 */
export function inlineParagraph(markdown: string): string {
  return markdown
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '')
    .map((line) => (BLOCK_START.test(line) ? line.replace(/^(\d*)/, '$1\\') : line))
    .join('\n');
}

/**
 * The inside of the one paragraph a processor rendered, or the text as typed (escaped) when it
 * rendered anything else: a construct the escaping missed is better shown than a block in the
 * middle of a sentence.
 */
export function inlineFragment(html: string, markdown: string): string {
  const inner = /^<p>([\s\S]*)<\/p>$/.exec(html.trim())?.[1];
  if (inner === undefined || /<\/?(p|div|h[1-6]|ul|ol|li|blockquote|pre|table|hr)\b/.test(inner)) return escapeHtml(markdown);
  return inner;
}

/**
 * Frontmatter text (a lede, a fix summary, a tool note) as one inline fragment, rendered like the
 * page bodies: code spans, emphasis, links, `func()` spans linked to their symbol pages, quotes
 * curled. Never block HTML (a field is one paragraph wherever it is shown) and never the
 * author's raw HTML, which shows as text. This is the Sätteri rendering; unified-inline-markdown.ts
 * gives the same with remark and rehype.
 */
export function siteInlineMarkdownToHtml(markdown: string, site: SiteInlineOptions): string {
  const oneParagraph = inlineParagraph(markdown);
  if (oneParagraph === '') return '';
  const html = renderMarkdown(oneParagraph, {
    mdastPlugins: [symbolLinksPlugin(site), htmlAsTextWhenNeeded],
    features: { gfm: true, frontmatter: false, smartPunctuation: { quotes: true, ellipses: true, dashes: false } },
  }).html;
  return inlineFragment(html, markdown);
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'", '#x27': "'" };

/** The same text for a place that takes no markup (a meta description, an aria-label): code spans unwrapped, links as their text. */
export function siteInlineMarkdownToText(markdown: string): string {
  return siteInlineMarkdownToHtml(markdown, { symbols: new Set() })
    .replace(/<[^>]*>/g, '')
    .replace(/&(amp|lt|gt|quot|#39|#x27);/g, (_, name: string) => ENTITIES[name] ?? '')
    .replace(/\s+/g, ' ')
    .trim();
}
