import { defineMdastPlugin, markdownToHtml as renderMarkdown, type PluginFactoryContext } from 'satteri';

/**
 * Raw HTML in checklist text is almost always a placeholder such as `<device>`; show it as text
 * instead of passing it through, which would lose words and could run markup.
 */
const htmlAsText = defineMdastPlugin({
  name: 'oopsbook-html-as-text',
  html(node, ctx) {
    ctx.replaceNode(node, { type: 'text', value: node.value });
  },
});

const options = {
  // Raw HTML needs a `<`; most item text has none and then skips the plugin pass altogether.
  mdastPlugins: [(document: PluginFactoryContext) => (document.source.includes('<') ? htmlAsText : null)],
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
