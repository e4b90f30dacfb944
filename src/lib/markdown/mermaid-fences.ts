import type { Code } from 'mdast';
import { defineMdastPlugin, markdownToHtml } from 'satteri';

/**
 * The Mermaid fences of a Markdown text with their 1-based lines, as the site's Markdown pipeline
 * will see them: the same parser decides what is a fence.
 */
export function mermaidFences(markdown: string): Array<{ text: string; line: number }> {
  const fences: Array<{ text: string; line: number }> = [];
  const collect = defineMdastPlugin({
    name: 'oopsbook-collect-mermaid-fences',
    options: { position: true },
    code(node: Readonly<Code>) {
      if (node.lang === 'mermaid') fences.push({ text: node.value, line: node.position?.start.line ?? 1 });
    },
  });
  markdownToHtml(markdown, { mdastPlugins: [collect] });
  return fences;
}
