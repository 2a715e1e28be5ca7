import type { LineageEdge, LineageGraph, LineageNode } from '../../../../shared/contract/lineage';

/** A placeholder for siblings left out of view; clicking it expands its group. */
export interface MoreNode {
  id: string;
  kind: 'more';
  group: string;
  count: number;
  /** What is hidden, e.g. "model versions". */
  of: LineageNode['kind'];
  /** Of `count`, how many the server left out (a model's older versions): expanding fetches them. */
  remote: number;
}

export type VisibleNode = LineageNode | MoreNode;
export interface VisibleEdge {
  id: string;
  source: string;
  target: string;
  label: string | null;
  kind: LineageEdge['kind'] | 'more';
}

export const isMore = (node: VisibleNode): node is MoreNode => node.kind === 'more';

/** A drawn edge's key: the graph has one edge per (kind, source, target). */
const edgeId = (edge: LineageEdge) => `${edge.kind}|${edge.source}|${edge.target}`;

/**
 * What to draw of a large graph: breadth-first from the root, going on upstream from what is
 * upstream and downstream from what is downstream (as the server traverses; a model's versions go
 * both ways). Each node's new neighbours of one kind on one side are cut to the `limit` newest when
 * there are more, behind a "+N more" node (unless the user expanded that group).
 */
export function visibleGraph(graph: LineageGraph, expanded: ReadonlySet<string>, limit = 6): { nodes: VisibleNode[]; edges: VisibleEdge[] } {
  const byId = new Map(graph.nodes.map((node) => [node.id, node]));
  const neighbours = new Map<string, Array<{ id: string; side: 'up' | 'down' }>>();
  const link = (from: string, entry: { id: string; side: 'up' | 'down' }) => {
    const list = neighbours.get(from);
    if (list) list.push(entry);
    else neighbours.set(from, [entry]);
  };
  for (const edge of graph.edges) {
    link(edge.source, { id: edge.target, side: 'down' });
    link(edge.target, { id: edge.source, side: 'up' });
  }
  const visible = new Set<string>([graph.root]);
  const groups: Array<{ id: string; anchor: string; side: 'up' | 'down'; of: LineageNode['kind']; members: string[]; remote?: number }> = [];
  const queue: Array<{ id: string; dir: 'up' | 'down' | 'both' }> = [{ id: graph.root, dir: 'both' }];
  const modelRoot = byId.get(graph.root)?.kind === 'model';
  for (let head = 0; head < queue.length; head++) {
    const { id: current, dir } = queue[head] as { id: string; dir: 'up' | 'down' | 'both' };
    const onward = (side: 'up' | 'down') => (modelRoot && current === graph.root ? 'both' : side);
    const fresh = new Map<string, Set<LineageNode>>();
    for (const { id, side } of neighbours.get(current) ?? []) {
      const node = byId.get(id);
      if (!node || visible.has(id) || (dir !== 'both' && dir !== side)) continue;
      const key = `${side}|${node.kind}`;
      const group = fresh.get(key);
      if (group) group.add(node);
      else fresh.set(key, new Set([node]));
    }
    for (const [key, members] of fresh) {
      const group = `${current}|${key}`;
      const sorted = [...members].sort((a, b) => b.time - a.time);
      const shown = sorted.length > limit + 1 && !expanded.has(group) ? sorted.slice(0, limit) : sorted;
      const [side] = key.split('|') as ['up' | 'down'];
      for (const node of shown) {
        visible.add(node.id);
        queue.push({ id: node.id, dir: onward(side) });
      }
      if (shown.length < sorted.length) {
        const of = key.split('|')[1] as LineageNode['kind'];
        groups.push({ id: `more:${group}`, anchor: current, side, of, members: sorted.slice(limit).map((node) => node.id) });
      }
    }
  }
  const nodes: VisibleNode[] = graph.nodes.filter((node) => visible.has(node.id));
  const edges: VisibleEdge[] = graph.edges.filter((edge) => visible.has(edge.source) && visible.has(edge.target)).map((edge) => ({ ...edge, id: edgeId(edge) }));
  // A model's older versions the server left out join (or make) the group of its versions.
  if (graph.omittedVersions > 0 && modelRoot) {
    const id = `more:${graph.root}|up|model-version`;
    const group = groups.find((g) => g.id === id) ?? { id, anchor: graph.root, side: 'up' as const, of: 'model-version' as const, members: [] };
    if (!groups.includes(group)) groups.push(group);
    group.remote = graph.omittedVersions;
  }
  for (const group of groups) {
    const remote = group.remote ?? 0;
    const count = group.members.filter((id) => !visible.has(id)).length + remote;
    if (count === 0) continue;
    nodes.push({ id: group.id, kind: 'more', group: group.id.slice('more:'.length), count, of: group.of, remote });
    const [source, target] = group.side === 'down' ? [group.anchor, group.id] : [group.id, group.anchor];
    edges.push({ id: `edge:${group.id}`, source, target, label: null, kind: 'more' });
  }
  return { nodes, edges };
}
