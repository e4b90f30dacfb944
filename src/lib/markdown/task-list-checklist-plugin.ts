import type { Element, ElementContent, Root } from 'hast';
import { defineHastPlugin } from 'satteri';
import { walkTree } from './walk-tree.ts';

/**
 * GitHub task lists (`- [ ] step`) arrive as disabled checkboxes. Readers work through them
 * during an incident, so the boxes become usable and the item text becomes their label.
 */

/** The usable version of a task-list item, or undefined for any other `li`. */
export function usableTaskListItem(node: Element): Element | undefined {
  if (!classList(node).includes('task-list-item')) return undefined;
  // remark-rehype wraps a loose item's text in a paragraph, with the box inside it.
  const holder = node.children.find((child): child is Element => child.type === 'element' && child.tagName === 'p' && child.children.some(isBox));
  if (holder) {
    const usable = usableTaskListItem({ ...node, children: holder.children });
    if (!usable) return undefined;
    return { ...node, properties: { ...node.properties }, children: node.children.map((child) => (child === holder ? { ...holder, children: usable.children } : child)) };
  }
  const boxIndex = node.children.findIndex(isBox);
  const box = node.children[boxIndex];
  if (!box || box.type !== 'element') return undefined;
  const { disabled: _disabled, ...boxProperties } = box.properties;
  const usableBox: Element = { type: 'element', tagName: 'input', properties: boxProperties, children: [] };
  const label: Element = { type: 'element', tagName: 'label', properties: {}, children: [usableBox, ...node.children.slice(boxIndex + 1)] };
  const children: ElementContent[] = [...node.children.slice(0, boxIndex), label];
  return { type: 'element', tagName: 'li', properties: { ...node.properties }, children };
}

/** The classes a task list gets (`checklist` added), or undefined for any other list. */
export function checklistClasses(node: Element): string[] | undefined {
  const classes = classList(node);
  return classes.includes('contains-task-list') && !classes.includes('checklist') ? [...classes, 'checklist'] : undefined;
}

function isBox(child: ElementContent): boolean {
  return child.type === 'element' && child.tagName === 'input';
}

/** The plugin for Sätteri. */
export function taskListChecklistPlugin() {
  return defineHastPlugin({
    name: 'oopsbook-task-list-checklist',
    element: [
      {
        filter: ['li'],
        visit(node, ctx) {
          const usable = usableTaskListItem(node);
          if (usable) ctx.replaceNode(node, usable);
        },
      },
      {
        filter: ['ul', 'ol'],
        visit(node, ctx) {
          const classes = checklistClasses(node);
          if (classes) ctx.setProperty(node, 'className', classes);
        },
      },
    ],
  });
}

/** The same plugin for rehype (Astro's unified processor). */
export function rehypeTaskListChecklist() {
  return (tree: Root) => {
    walkTree(tree, (node: Element) => {
      if (node.type !== 'element') return undefined;
      if (node.tagName === 'ul' || node.tagName === 'ol') {
        const classes = checklistClasses(node);
        if (classes) node.properties.className = classes;
        return undefined;
      }
      if (node.tagName !== 'li') return undefined;
      const usable = usableTaskListItem(node);
      if (!usable) return undefined;
      // Nested lists inside the item still need their own pass.
      for (const child of usable.children) if (child.type === 'element') rehypeTaskListChecklist()({ type: 'root', children: [child] });
      return usable;
    });
  };
}

function classList(node: Element): string[] {
  const value: unknown = node.properties.className;
  if (Array.isArray(value)) return value.map(String);
  return typeof value === 'string' ? value.split(' ') : [];
}
