/**
 * Disjoint sets of string keys, with cannot-link groups: a union that would put two different members of one
 * group into one set is refused.
 */
export class UnionFind {
  private readonly parent = new Map<string, string>();
  /** For each root, the cannot-link groups its set holds a member of, and which member. */
  private readonly apart = new Map<string, Map<number, string>>();

  add(key: string): void {
    if (!this.parent.has(key)) this.parent.set(key, key);
  }

  keepApart(groups: readonly (readonly string[])[]): void {
    groups.forEach((group, index) => {
      for (const key of group) {
        this.add(key);
        const root = this.find(key);
        const held = this.apart.get(root) ?? new Map<number, string>();
        held.set(index, key);
        this.apart.set(root, held);
      }
    });
  }

  find(key: string): string {
    let root = this.parent.get(key);
    if (root === undefined) {
      this.parent.set(key, key);
      return key;
    }
    while (root !== this.parent.get(root)) root = this.parent.get(root) as string;
    for (let at = key; at !== root; ) {
      const next = this.parent.get(at) as string;
      this.parent.set(at, root);
      at = next;
    }
    return root;
  }

  /** Joins the sets of two keys; false when a cannot-link group forbids it. */
  union(a: string, b: string): boolean {
    const rootA = this.find(a);
    const rootB = this.find(b);
    if (rootA === rootB) return true;
    const heldA = this.apart.get(rootA);
    const heldB = this.apart.get(rootB);
    if (heldA && heldB) {
      for (const [group, member] of heldA) {
        const other = heldB.get(group);
        if (other !== undefined && other !== member) return false;
      }
    }
    this.parent.set(rootB, rootA);
    if (heldB) {
      const merged = heldA ?? new Map<number, string>();
      for (const [group, member] of heldB) merged.set(group, member);
      this.apart.set(rootA, merged);
      this.apart.delete(rootB);
    }
    return true;
  }

  keys(): IterableIterator<string> {
    return this.parent.keys();
  }
}
