import type { NodeDiagnosis } from '../analyze/types.js';

export interface TreeNode {
  node: NodeDiagnosis;
  children: TreeNode[];
}

/** The chain tree of a diagnosis, in the order of its nodes; a node whose parent is absent becomes a root. */
export function chainTree(nodes: readonly NodeDiagnosis[]): TreeNode[] {
  const byId = new Map<string, TreeNode>(nodes.map((node) => [node.node, { node, children: [] }]));
  const roots: TreeNode[] = [];
  for (const entry of byId.values()) {
    const parent = entry.node.parent === null ? undefined : byId.get(entry.node.parent);
    if (parent) parent.children.push(entry);
    else roots.push(entry);
  }
  return roots;
}
