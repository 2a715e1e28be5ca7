import '@xyflow/react/dist/style.css';
import { Background, type Edge, MarkerType, ReactFlow, Controls } from '@xyflow/react';
import { useMemo } from 'react';
import { isMore, type MoreNode, type VisibleEdge, type VisibleNode } from '../utils/collapse';
import { layeredLayout } from '../utils/layout';
import { pathBetween } from '../utils/path-to';
import { LineageNodeCard, type LineageFlowNode, MoreNodeCard, type MoreFlowNode } from './lineage-node';

const nodeTypes = { lineage: LineageNodeCard, more: MoreNodeCard };

interface LineageCanvasProps {
  nodes: VisibleNode[];
  edges: VisibleEdge[];
  root: string;
  selected: string | null;
  onSelect: (id: string | null) => void;
  onExpand: (node: MoreNode) => void;
}

/** The graph drawn with React Flow: laid out in layers, zoom and fit controls, the path to the selection lit. */
export function LineageCanvas({ nodes, edges, root, selected, onSelect, onExpand }: LineageCanvasProps) {
  const positions = useMemo(() => layeredLayout(nodes, edges), [nodes, edges]);
  const path = useMemo(() => (selected ? pathBetween(edges, root, selected) : null), [edges, root, selected]);
  const flowNodes = useMemo(
    () =>
      nodes.map((node): LineageFlowNode | MoreFlowNode => {
        const state = { highlighted: path?.nodes.has(node.id) ?? false, dimmed: path !== null && !path.nodes.has(node.id), root: node.id === root };
        const position = positions.get(node.id) ?? { x: 0, y: 0 };
        return isMore(node)
          ? { id: node.id, type: 'more', position, data: { node, onExpand, ...state }, draggable: false }
          : { id: node.id, type: 'lineage', position, data: { node, ...state }, draggable: false };
      }),
    [nodes, positions, path, root, onExpand],
  );
  const flowEdges = useMemo(
    () =>
      edges.map((edge): Edge => {
        const lit = path?.edges.has(edge.id) ?? false;
        return {
          id: edge.id,
          source: edge.source,
          target: edge.target,
          label: edge.label ?? undefined,
          animated: lit,
          markerEnd: { type: MarkerType.ArrowClosed },
          style: { strokeWidth: lit ? 2.5 : 1.25, opacity: path && !lit ? 0.3 : 1, strokeDasharray: edge.kind === 'served' || edge.kind === 'more' ? '4 3' : undefined },
        };
      }),
    [edges, path],
  );
  return (
    <ReactFlow
      nodes={flowNodes}
      edges={flowEdges}
      nodeTypes={nodeTypes}
      onNodeClick={(_, node) => onSelect(node.id === selected ? null : node.id)}
      onPaneClick={() => onSelect(null)}
      nodesConnectable={false}
      fitView
      minZoom={0.1}
      proOptions={{ hideAttribution: true }}
    >
      <Background gap={16} size={1} />
      <Controls showInteractive={false} />
    </ReactFlow>
  );
}
