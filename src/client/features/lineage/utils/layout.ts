import dagre from '@dagrejs/dagre';

export const nodeSize = { width: 208, height: 60 };

/** Layered left-to-right layout (datasets on the left, live traffic on the right). */
export function layeredLayout(nodes: Array<{ id: string }>, edges: Array<{ source: string; target: string }>): Map<string, { x: number; y: number }> {
  const graph = new dagre.graphlib.Graph();
  graph.setGraph({ rankdir: 'LR', nodesep: 24, ranksep: 72 });
  graph.setDefaultEdgeLabel(() => ({}));
  for (const node of nodes) graph.setNode(node.id, { ...nodeSize });
  for (const edge of edges) graph.setEdge(edge.source, edge.target);
  dagre.layout(graph);
  return new Map(
    nodes.map((node) => {
      const placed = graph.node(node.id);
      return [node.id, { x: (placed?.x ?? 0) - nodeSize.width / 2, y: (placed?.y ?? 0) - nodeSize.height / 2 }];
    }),
  );
}
