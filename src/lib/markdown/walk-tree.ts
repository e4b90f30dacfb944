/** A node of an mdast or hast tree, as far as walking it needs. */
interface TreeNode {
  type: string;
  children?: TreeNode[];
}

/**
 * Calls `visit` for every node below `tree` with its parent and index, depth first. Returning a
 * node replaces the visited one (its children are not walked then). The unified adapters of
 * Oopsbook's plugins use it; Sätteri walks its own trees.
 */
export function walkTree<Node extends TreeNode>(tree: TreeNode, visit: (node: Node, parent: TreeNode, index: number) => TreeNode | undefined): void {
  const children = tree.children;
  if (!children) return;
  for (let index = 0; index < children.length; index++) {
    const child = children[index] as Node;
    const replacement = visit(child, tree, index);
    if (replacement) children[index] = replacement;
    else walkTree(child, visit);
  }
}
