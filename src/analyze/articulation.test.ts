import assert from 'node:assert/strict';
import { test } from 'node:test';
import { articulationPoints, componentsWithout } from './articulation.js';

function graph(edges: [number, number][]): Map<number, number[]> {
  const adjacency = new Map<number, number[]>();
  for (const [a, b] of edges) {
    adjacency.set(a, [...(adjacency.get(a) ?? []), b]);
    adjacency.set(b, [...(adjacency.get(b) ?? []), a]);
  }
  return adjacency;
}

test('bridges between groups and the centre of a star are articulation points; a cycle has none', () => {
  const twoTriangles = graph([
    [1, 2],
    [2, 3],
    [3, 1],
    [3, 4],
    [4, 5],
    [5, 6],
    [6, 4],
  ]);
  assert.deepEqual([...articulationPoints(twoTriangles)].sort(), [3, 4]);
  assert.deepEqual(
    componentsWithout(twoTriangles, 4).map((group) => group.sort()),
    [
      [1, 2, 3],
      [5, 6],
    ],
  );
  assert.deepEqual(
    [
      ...articulationPoints(
        graph([
          [1, 2],
          [1, 3],
          [1, 4],
        ]),
      ),
    ],
    [1],
  );
  assert.deepEqual(
    [
      ...articulationPoints(
        graph([
          [1, 2],
          [2, 3],
          [3, 4],
          [4, 1],
        ]),
      ),
    ],
    [],
  );
});

test('a long path is handled without recursion', () => {
  const edges: [number, number][] = [];
  for (let i = 0; i < 50_000; i++) edges.push([i, i + 1]);
  const points = articulationPoints(graph(edges));
  assert.equal(points.size, 49_999);
  assert.ok(!points.has(0) && !points.has(50_000));
});
