import type { Element, Root } from 'hast';
import { visit } from 'unist-util-visit';

/**
 * Code blocks scroll sideways rather than wrap a log line, so each becomes a tab stop: a
 * keyboard user can then scroll it with the arrow keys.
 */
export function rehypeFocusableCode() {
  return (tree: Root) => {
    visit(tree, 'element', (node: Element) => {
      if (node.tagName === 'pre' && node.properties.tabIndex === undefined) node.properties.tabIndex = 0;
    });
  };
}
