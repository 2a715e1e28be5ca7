import { describe, expect, it } from 'vitest';
import type { LineageGraph, LineageNode } from '../../../../shared/contract/lineage';
import { isMore, visibleGraph } from './collapse';
import { pathBetween } from './path-to';

const version = (v: number, deleted = false): LineageNode => ({
  id: `model-version:${v}:m`, kind: 'model-version', label: `m v${v}`, detail: null, deleted, time: v, ref: { kind: 'model-version', name: 'm', version: v },
});
const run = (v: number): LineageNode => ({ id: `run:r${v}`, kind: 'run', label: `r${v}`, detail: null, deleted: false, time: v, ref: { kind: 'run', runId: `r${v}` } });

/** A model with `n` versions, each from its own run. */
function modelGraph(n: number): LineageGraph {
  const versions = Array.from({ length: n }, (_, i) => version(i + 1));
  return {
    root: 'model:m',
    nodes: [{ id: 'model:m', kind: 'model', label: 'm', detail: null, deleted: false, time: 0, ref: { kind: 'model', name: 'm' } }, ...versions, ...versions.map((_, i) => run(i + 1))],
    edges: versions.flatMap((v, i) => [
      { source: 'model:m', target: v.id, kind: 'version' as const, label: null },
      { source: `run:r${i + 1}`, target: v.id, kind: 'registered' as const, label: null },
    ]),
    truncated: false,
    omittedVersions: 0,
  };
}

describe('visibleGraph', () => {
  it('keeps the newest siblings and folds the rest, with the nodes only they lead to, into "+N more"', () => {
    const { nodes, edges } = visibleGraph(modelGraph(500), new Set(), 6);
    const more = nodes.filter(isMore);
    expect(more).toEqual([{ id: 'more:model:m|down|model-version', kind: 'more', group: 'model:m|down|model-version', count: 494, of: 'model-version', remote: 0 }]);
    expect(nodes.filter((n) => n.kind === 'model-version').map((n) => (n as LineageNode).label).sort()).toEqual(['m v495', 'm v496', 'm v497', 'm v498', 'm v499', 'm v500']);
    expect(nodes.filter((n) => n.kind === 'run')).toHaveLength(6);
    expect(edges.find((e) => e.kind === 'more')).toMatchObject({ source: 'model:m', target: 'more:model:m|down|model-version' });
  });

  it('expands a group on request and leaves small groups alone', () => {
    const expanded = visibleGraph(modelGraph(50), new Set(['model:m|down|model-version']), 6);
    expect(expanded.nodes.filter((n) => n.kind === 'model-version')).toHaveLength(50);
    expect(expanded.nodes.some(isMore)).toBe(false);
    // One hidden sibling is not worth a "+1 more" node.
    expect(visibleGraph(modelGraph(7), new Set(), 6).nodes.some(isMore)).toBe(false);
  });

  it("counts a model's versions the server left out, and does not wander downstream from upstream nodes", () => {
    const graph = { ...modelGraph(3), omittedVersions: 40 };
    // Two of the versions' runs used one dataset; from the version side it must not pull in other runs.
    graph.nodes.push({ id: 'dataset:d', kind: 'dataset', label: 'd', detail: null, deleted: false, time: 0, ref: { kind: 'dataset', digest: 'd' } }, run(99));
    graph.edges.push({ source: 'dataset:d', target: 'run:r1', kind: 'input', label: null }, { source: 'dataset:d', target: 'run:r99', kind: 'input', label: null });
    const { nodes } = visibleGraph(graph, new Set(), 6);
    expect(nodes.filter(isMore)).toEqual([{ id: 'more:model:m|up|model-version', kind: 'more', group: 'model:m|up|model-version', count: 40, of: 'model-version', remote: 40 }]);
    expect(nodes.some((n) => n.id === 'dataset:d')).toBe(true);
    expect(nodes.some((n) => n.id === 'run:r99')).toBe(false);
  });
});

describe('pathBetween', () => {
  it('finds the shortest path through edges in either direction', () => {
    const { edges } = visibleGraph(modelGraph(3), new Set());
    const path = pathBetween(edges, 'model:m', 'run:r2');
    expect([...path.nodes].sort()).toEqual(['model-version:2:m', 'model:m', 'run:r2']);
    expect([...path.edges].sort()).toEqual(['registered|run:r2|model-version:2:m', 'version|model:m|model-version:2:m']);
    expect(pathBetween(edges, 'model:m', 'nowhere').nodes.size).toBe(0);
  });
});
