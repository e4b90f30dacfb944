import type { Root } from 'mdast';
import rehypeStringify from 'rehype-stringify';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';

/**
 * Raw HTML in checklist text is almost always a placeholder such as `<device>`; show it as text
 * instead of letting remark-rehype drop it, which would lose words and never run markup.
 */
function remarkHtmlAsText() {
  return (tree: Root) => {
    visit(tree, 'html', (node, index, parent) => {
      if (parent && index !== undefined) parent.children[index] = { type: 'text', value: node.value };
    });
  };
}

const processor = unified().use(remarkParse).use(remarkGfm).use(remarkHtmlAsText).use(remarkRehype).use(rehypeStringify);

/** Renders Markdown (intros, item text) to an HTML fragment that contains no markup from the source. */
export function markdownToHtml(markdown: string): string {
  return String(processor.processSync(markdown)).trim();
}

/** Renders one paragraph of Markdown without its `<p>` wrapper, for use inside other elements. */
export function inlineMarkdownToHtml(markdown: string): string {
  return markdownToHtml(markdown).replace(/^<p>([\s\S]*)<\/p>$/, '$1');
}
