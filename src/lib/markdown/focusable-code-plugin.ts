import { defineHastPlugin } from 'satteri';

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
