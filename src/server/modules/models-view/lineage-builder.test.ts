import { describe, expect, it } from 'vitest';
import { commitNode, datasetNode, GraphBuilder } from './lineage-builder';

describe('GraphBuilder', () => {
  it('finds nodes by kind and key, keeps one edge per (source, target, kind), and stops at the cap', () => {
    const graph = new GraphBuilder(2);
    const dataset = graph.add('dataset', 'd1', datasetNode('d1', 'customers')) as number;
    const commit = graph.add('commit', 'c1', commitNode('c1')) as number;
    expect(graph.find('dataset', 'd1')).toBe(dataset);
    expect(graph.find('commit', 'd1')).toBeUndefined();
    graph.addEdge(dataset, commit, 'input', 'training');
    graph.addEdge(dataset, commit, 'input', 'evaluation');
    graph.addEdge(dataset, commit, 'commit');
    graph.addEdge(commit, dataset, 'input');
    expect(graph.add('dataset', 'd2', datasetNode('d2', 'holdout'))).toBeUndefined();
    expect(graph.toGraph(dataset)).toEqual({
      root: 'dataset:d1',
      nodes: [datasetNode('d1', 'customers'), commitNode('c1')],
      edges: [
        { source: 'dataset:d1', target: 'commit:c1', kind: 'input', label: 'training' },
        { source: 'dataset:d1', target: 'commit:c1', kind: 'commit', label: null },
        { source: 'commit:c1', target: 'dataset:d1', kind: 'input', label: null },
      ],
      truncated: true,
    });
  });
});
