import type { Code, Html, Root } from 'mdast';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { diagramFigureHtml } from '../diagrams/diagram-figure-html.ts';
import { escapeHtml } from '../html/escape-html.ts';
import type { RenderedDiagram } from '../diagrams/render-mermaid.ts';

export interface RemarkMermaidSvgOptions {
  /** Renders Mermaid text to both theme SVGs; `source` (`file:line`) names the fence in errors. */
  render(text: string, source: string): Promise<RenderedDiagram>;
}

/**
 * Replaces each ```` ```mermaid ```` fence with the rendered diagram as inline SVG, so pages carry
 * no Mermaid JavaScript. A fence that cannot be rendered fails the build: a page that silently
 * lost its diagram would be worse.
 */
export function remarkMermaidSvg(options: RemarkMermaidSvgOptions) {
  return async (tree: Root, file: VFile): Promise<void> => {
    const fences: Array<{ node: Code; parent: { children: unknown[] }; index: number }> = [];
    visit(tree, 'code', (node, index, parent) => {
      if (node.lang === 'mermaid' && parent && index !== undefined) fences.push({ node, parent, index });
    });
    for (const { node, parent, index } of fences) {
      const source = `${file.path ?? '(markdown)'}:${node.position?.start.line ?? 1}`;
      const rendered = await options.render(node.value, source);
      const html: Html = { type: 'html', value: `${diagramFigureHtml(rendered, 'Diagram')}${sourceDetails(node.value)}` };
      parent.children[index] = html;
    }
  };
}

/** The fence's text, expandable under the figure as on the diagram pages. */
function sourceDetails(text: string): string {
  return `<details class="diagram-sources"><summary>Mermaid source</summary><pre><code>${escapeHtml(text)}</code></pre></details>`;
}

/** The Mermaid fences of a Markdown text, as the plugin above will see them. */
export function mermaidFences(tree: Root): Array<{ text: string; line: number }> {
  const fences: Array<{ text: string; line: number }> = [];
  visit(tree, 'code', (node) => {
    if (node.lang === 'mermaid') fences.push({ text: node.value, line: node.position?.start.line ?? 1 });
  });
  return fences;
}
