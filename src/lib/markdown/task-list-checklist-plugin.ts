import type { Element, ElementContent } from 'hast';
import { defineHastPlugin } from 'satteri';

/**
 * GitHub task lists (`- [ ] step`) arrive as disabled checkboxes. Readers work through them
 * during an incident, so the boxes become usable and the item text becomes their label.
 */
export function taskListChecklistPlugin() {
  return defineHastPlugin({
    name: 'oopsbook-task-list-checklist',
    element: [
      {
        filter: ['li'],
        visit(node, ctx) {
          if (!classList(node).includes('task-list-item')) return;
          const boxIndex = node.children.findIndex((child) => child.type === 'element' && child.tagName === 'input');
          const box = node.children[boxIndex];
          if (!box || box.type !== 'element') return;
          const { disabled: _disabled, ...boxProperties } = box.properties;
          const usableBox: Element = { type: 'element', tagName: 'input', properties: boxProperties, children: [] };
          const label: Element = { type: 'element', tagName: 'label', properties: {}, children: [usableBox, ...node.children.slice(boxIndex + 1)] };
          const children: ElementContent[] = [...node.children.slice(0, boxIndex), label];
          ctx.replaceNode(node, { type: 'element', tagName: 'li', properties: { ...node.properties }, children });
        },
      },
      {
        filter: ['ul', 'ol'],
        visit(node, ctx) {
          const classes = classList(node);
          if (classes.includes('contains-task-list')) ctx.setProperty(node, 'className', [...classes, 'checklist']);
        },
      },
    ],
  });
}

function classList(node: Element): string[] {
  const value: unknown = node.properties.className;
  if (Array.isArray(value)) return value.map(String);
  return typeof value === 'string' ? value.split(' ') : [];
}
