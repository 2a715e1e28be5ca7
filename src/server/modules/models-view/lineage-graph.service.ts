import type { LineageDirection, LineageGraph, LineageKind, LineageNode } from '../../../shared/contract/lineage';
import type { Db } from '../../db/database';
import { notFound } from '../../errors';
import { modelVersionNotFound, registeredModelNotFound } from '../registry/registry-errors';
import { datasetNode, GraphBuilder, modelNode, runNode, versionKey, versionNode } from './lineage-builder';
import { expandLevel, type Traversal, type Visit } from './lineage-expand';
import { countVersions, datasetByDigest, modelExists, runsById, versionByKey } from './lineage.repository';

/** More nodes than anyone can read; the graph says it was truncated. */
export const maxLineageNodes = 3000;

export interface LineageQuery {
  kind: 'model' | 'model-version' | 'run' | 'dataset';
  id: string;
  version?: number | undefined;
  depth: number;
  direction: LineageDirection;
  /** A model root: how many of its newest versions to go on from. */
  versions: number;
}

/**
 * The lineage around one root, breadth-first to `depth` hops: upstream visits go on upstream only,
 * downstream visits downstream only (so a dataset's other runs do not flood a version's graph).
 * A model's versions continue in the asked direction, as if each were a root.
 */
export async function lineageGraph(db: Db, query: LineageQuery): Promise<LineageGraph> {
  const graph = new GraphBuilder(maxLineageNodes);
  const traversal: Traversal = { db, graph, maxNodes: maxLineageNodes, direction: query.direction, modelVersions: query.versions, versions: new Map(), loggedModels: new Map() };
  const root = await rootNode(traversal, query);
  const index = graph.add(root.kind, root.key, root.node) as number;
  let frontier: Visit[] = [{ index, kind: root.kind, key: root.key, dir: query.kind === 'model' ? 'down' : query.direction }];
  if (query.kind === 'model-version') {
    // The version points to its model (a link to its page); the traversal does not go on from it.
    const model = graph.add('model', query.id, modelNode(query.id)) as number;
    graph.addEdge(index, model, 'version');
  }
  const traverse = async () => {
    for (let level = 0; level < query.depth && frontier.length > 0; level++) frontier = await expandLevel(traversal, frontier);
  };
  // A model's version count is read alongside the traversal (its own connection on PostgreSQL).
  const [, versions] = await Promise.all([traverse(), query.kind === 'model' ? countVersions(db, query.id) : 0]);
  return { ...graph.toGraph(index), omittedVersions: Math.max(0, versions - query.versions) };
}

async function rootNode(t: Traversal, query: LineageQuery): Promise<{ kind: LineageKind; key: string; node: LineageNode }> {
  switch (query.kind) {
    case 'model': {
      if (!(await modelExists(t.db, query.id))) throw registeredModelNotFound(query.id);
      return { kind: 'model', key: query.id, node: modelNode(query.id) };
    }
    case 'model-version': {
      const version = query.version ?? 0;
      const row = await versionByKey(t.db, query.id, version);
      if (!row) throw modelVersionNotFound(query.id, query.version ?? '(none)');
      const key = versionKey(row.name, row.version);
      t.versions.set(key, row);
      return { kind: 'model-version', key, node: versionNode(row) };
    }
    case 'run': {
      const [row] = await runsById(t.db, [query.id]);
      if (!row) throw notFound(`Run with id=${query.id} not found`);
      return { kind: 'run', key: row.run_uuid, node: runNode(row) };
    }
    case 'dataset': {
      const row = await datasetByDigest(t.db, query.id);
      if (!row) throw notFound(`No dataset with digest ${query.id}`);
      return { kind: 'dataset', key: row.digest, node: datasetNode(row.digest, row.name) };
    }
  }
}
