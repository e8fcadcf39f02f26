/**
 * Articulation points of an undirected graph given as adjacency lists: the vertices whose removal splits their
 * component. Iterative Tarjan (no recursion, so large components cannot overflow the stack).
 */
export function articulationPoints(adjacency: ReadonlyMap<number, readonly number[]>): Set<number> {
  const order = new Map<number, number>();
  const low = new Map<number, number>();
  const points = new Set<number>();
  let counter = 0;
  for (const root of adjacency.keys()) {
    if (order.has(root)) continue;
    order.set(root, counter);
    low.set(root, counter++);
    let rootChildren = 0;
    const stack: { vertex: number; parent: number | null; next: number }[] = [
      { vertex: root, parent: null, next: 0 },
    ];
    while (stack.length) {
      const frame = stack[stack.length - 1] as (typeof stack)[number];
      const neighbours = adjacency.get(frame.vertex) ?? [];
      if (frame.next < neighbours.length) {
        const neighbour = neighbours[frame.next++] as number;
        if (neighbour === frame.parent) continue;
        if (order.has(neighbour)) {
          low.set(frame.vertex, Math.min(low.get(frame.vertex) as number, order.get(neighbour) as number));
          continue;
        }
        order.set(neighbour, counter);
        low.set(neighbour, counter++);
        if (frame.vertex === root) rootChildren++;
        stack.push({ vertex: neighbour, parent: frame.vertex, next: 0 });
        continue;
      }
      stack.pop();
      const parent = frame.parent;
      if (parent === null) continue;
      low.set(parent, Math.min(low.get(parent) as number, low.get(frame.vertex) as number));
      if (parent !== root && (low.get(frame.vertex) as number) >= (order.get(parent) as number))
        points.add(parent);
    }
    if (rootChildren > 1) points.add(root);
  }
  return points;
}

/** The connected groups left when one vertex is removed, largest first. */
export function componentsWithout(
  adjacency: ReadonlyMap<number, readonly number[]>,
  removed: number,
): number[][] {
  const seen = new Set<number>([removed]);
  const groups: number[][] = [];
  for (const start of adjacency.get(removed) ?? []) {
    if (seen.has(start)) continue;
    const group: number[] = [];
    const queue = [start];
    seen.add(start);
    while (queue.length) {
      const vertex = queue.pop() as number;
      group.push(vertex);
      for (const next of adjacency.get(vertex) ?? []) {
        if (!seen.has(next)) {
          seen.add(next);
          queue.push(next);
        }
      }
    }
    groups.push(group);
  }
  return groups.sort((a, b) => b.length - a.length);
}
