/**
 * The nodes and edges on a shortest path between the root and the selected node (edges taken in
 * either direction), to highlight how one came from, or led to, the other.
 */
export function pathBetween(edges: Array<{ id: string; source: string; target: string }>, from: string, to: string): { nodes: Set<string>; edges: Set<string> } {
  const adjacent = new Map<string, Array<{ node: string; edge: string }>>();
  for (const edge of edges) {
    adjacent.set(edge.source, [...(adjacent.get(edge.source) ?? []), { node: edge.target, edge: edge.id }]);
    adjacent.set(edge.target, [...(adjacent.get(edge.target) ?? []), { node: edge.source, edge: edge.id }]);
  }
  const previous = new Map<string, { node: string; edge: string } | null>([[from, null]]);
  const queue = [from];
  while (queue.length > 0 && !previous.has(to)) {
    const current = queue.shift() as string;
    for (const next of adjacent.get(current) ?? []) {
      if (previous.has(next.node)) continue;
      previous.set(next.node, { node: current, edge: next.edge });
      queue.push(next.node);
    }
  }
  const result = { nodes: new Set<string>(), edges: new Set<string>() };
  if (!previous.has(to)) return result;
  for (let at: string | undefined = to; at !== undefined; ) {
    result.nodes.add(at);
    const step: { node: string; edge: string } | null | undefined = previous.get(at);
    if (step) result.edges.add(step.edge);
    at = step?.node;
  }
  return result;
}
