import type { Element, Root } from 'hast';
import { defineHastPlugin } from 'satteri';
import { walkTree } from './walk-tree.ts';

/**
 * Code blocks scroll sideways rather than wrap a log line, so each becomes a tab stop: a
 * keyboard user can then scroll it with the arrow keys.
 */
export function focusableCodePlugin() {
  return defineHastPlugin({
    name: 'oopsbook-focusable-code',
    element: {
      filter: ['pre'],
      visit(node, ctx) {
        if (node.properties.tabIndex === undefined) ctx.setProperty(node, 'tabIndex', 0);
      },
    },
  });
}

/** The same plugin for rehype (Astro's unified processor). */
export function rehypeFocusableCode() {
  return (tree: Root) => {
    walkTree(tree, (node: Element) => {
      if (node.type === 'element' && node.tagName === 'pre' && node.properties.tabIndex === undefined) node.properties.tabIndex = 0;
      return undefined;
    });
  };
}
