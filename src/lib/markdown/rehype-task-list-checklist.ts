import type { Element, Root } from 'hast';
import { visit } from 'unist-util-visit';

/**
 * GitHub task lists (`- [ ] step`) arrive as disabled checkboxes. Readers work through them
 * during an incident, so the boxes become usable and the item text becomes their label.
 */
export function rehypeTaskListChecklist() {
  return (tree: Root) => {
    visit(tree, 'element', (node: Element) => {
      if (node.tagName !== 'li' || !classList(node).includes('task-list-item')) return;
      const boxIndex = node.children.findIndex((child) => child.type === 'element' && child.tagName === 'input');
      const box = node.children[boxIndex];
      if (!box || box.type !== 'element') return;
      delete box.properties.disabled;
      const rest = node.children.slice(boxIndex + 1);
      node.children = [
        ...node.children.slice(0, boxIndex),
        { type: 'element', tagName: 'label', properties: {}, children: [box, ...rest] },
      ];
    });
    visit(tree, 'element', (node: Element) => {
      if (classList(node).includes('contains-task-list')) node.properties.className = [...classList(node), 'checklist'];
    });
  };
}

function classList(node: Element): string[] {
  const value: unknown = node.properties.className;
  if (Array.isArray(value)) return value.map(String);
  return typeof value === 'string' ? value.split(' ') : [];
}
