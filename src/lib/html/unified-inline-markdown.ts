import type { Root } from 'mdast';
import rehypeStringify from 'rehype-stringify';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import remarkSmartypants from 'remark-smartypants';
import { unified } from 'unified';
import { remarkSymbolLinks } from '../markdown/symbol-links-plugin.ts';
import { walkTree } from '../markdown/walk-tree.ts';
import { htmlAsTextNode, inlineFragment, inlineParagraph, type SiteInlineOptions } from './markdown-to-html.ts';

/** Raw HTML shows as text, as under Sätteri. */
function remarkHtmlAsText() {
  return (tree: Root) => walkTree(tree, (node) => (node.type === 'html' ? htmlAsTextNode(node as never) : undefined));
}

/**
 * Frontmatter text as one inline fragment under the unified processor: the same preparation,
 * plugins and checks as siteInlineMarkdownToHtml, with remark and rehype doing the rendering.
 */
export function unifiedSiteInlineMarkdownToHtml(markdown: string, site: SiteInlineOptions): string {
  const oneParagraph = inlineParagraph(markdown);
  if (oneParagraph === '') return '';
  const html = unified()
    .use(remarkParse)
    .use(remarkGfm)
    .use(() => remarkSymbolLinks(site))
    .use(remarkHtmlAsText)
    // As the page bodies: curly quotes and ellipses, `--` and backticks left as written.
    .use(remarkSmartypants, { dashes: false, backticks: false })
    .use(remarkRehype)
    .use(rehypeStringify, { characterReferences: { useNamedReferences: true } })
    .processSync(oneParagraph);
  return inlineFragment(String(html), markdown);
}
