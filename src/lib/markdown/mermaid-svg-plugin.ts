import type { Code, Html, Root } from 'mdast';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { defineMdastPlugin, type MdastPluginEntry } from 'satteri';
import { diagramFigureHtml } from '../diagrams/diagram-figure-html.ts';
import type { RenderedDiagram } from '../diagrams/render-mermaid.ts';
import { escapeHtml } from '../html/escape-html.ts';
import { walkTree } from './walk-tree.ts';

export interface MermaidSvgOptions {
  /** Renders Mermaid text to both theme SVGs; `source` (`file:line`) names the fence in errors. */
  render(text: string, source: string): Promise<RenderedDiagram>;
}

/**
 * Replaces each ```` ```mermaid ```` fence with the rendered diagram as inline SVG, so pages carry
 * no Mermaid JavaScript. A fence that cannot be rendered fails the build: a page that silently
 * lost its diagram would be worse. This is the node both processors put in the fence's place:
 * an `html` node is written out as it is; a `raw` string would be parsed as Markdown again, and a
 * blank line in the fence's text would end the HTML block there.
 */
export async function mermaidHtmlNode(node: Readonly<Code>, source: string, options: MermaidSvgOptions): Promise<Html> {
  const rendered = await options.render(node.value, source);
  return { type: 'html', value: `${diagramFigureHtml(rendered, 'Diagram')}${sourceDetails(node.value)}` };
}

/** The plugin for Sätteri. */
export function mermaidSvgPlugin(options: MermaidSvgOptions): MdastPluginEntry {
  const plugin = defineMdastPlugin({
    name: 'oopsbook-mermaid-svg',
    // Error messages name the fence's line.
    options: { position: true },
    async code(node, ctx) {
      if (node.lang !== 'mermaid') return;
      const file = ctx.fileURL ? fileURLToPath(ctx.fileURL) : undefined;
      ctx.replaceNode(node, await mermaidHtmlNode(node, fenceSource(file, ctx.source, node.position?.start.line ?? 1), options));
    },
  });
  // Tracking positions slows every parse, and only a document that mentions Mermaid needs them.
  return (document) => (document.source.includes('mermaid') ? plugin : null);
}

/** The same plugin for remark (Astro's unified processor). */
export function remarkMermaidSvg(options: MermaidSvgOptions) {
  return async (tree: Root, file: { path?: string; value?: unknown }) => {
    const fences: Array<{ parent: { children: unknown[] }; index: number; node: Code }> = [];
    walkTree(tree, (node: Code, parent, index) => {
      if (node.type === 'code' && node.lang === 'mermaid') fences.push({ parent: parent as { children: unknown[] }, index, node });
      return undefined;
    });
    const body = typeof file.value === 'string' ? file.value : String(file.value ?? '');
    for (const fence of fences) {
      fence.parent.children[fence.index] = await mermaidHtmlNode(fence.node, fenceSource(file.path, body, fence.node.position?.start.line ?? 1), options);
    }
  };
}

/** The fence's text, expandable under the figure as on the diagram pages. */
function sourceDetails(text: string): string {
  return `<details class="diagram-sources"><summary>Mermaid source</summary><pre><code>${escapeHtml(text)}</code></pre></details>`;
}

/**
 * `file:line` of a fence. Astro hands over the body without its front matter, so a line of the
 * body is shifted by where the body starts in the file.
 */
function fenceSource(file: string | undefined, body: string, bodyLine: number): string {
  if (!file) return `(markdown):${bodyLine}`;
  return `${file}:${bodyStartLine(file, body) + bodyLine - 1}`;
}

/** 1-based line of `file` on which `body` starts; 1 when the file cannot be read or lacks the body. */
function bodyStartLine(file: string, body: string): number {
  let fileText: string;
  try {
    fileText = readFileSync(file, 'utf8');
  } catch {
    return 1;
  }
  const offset = fileText.indexOf(body);
  if (offset <= 0) return 1;
  return fileText.slice(0, offset).split('\n').length;
}
