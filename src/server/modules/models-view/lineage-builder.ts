import { type LineageEdge, lineageEdgeKinds, type LineageGraph, type LineageKind, lineageKinds, type LineageNode } from '../../../shared/contract/lineage';
import type { LineageModelRow, LineageRunRow, LineageVersionRow } from './lineage.repository';

/** Node ids are stable and never collide: the kind, then the key (a version's number before its name). */
export const nodeId = {
  dataset: (digest: string) => `dataset:${digest}`,
  commit: (sha: string) => `commit:${sha}`,
  run: (runId: string) => `run:${runId}`,
  loggedModel: (modelId: string) => `logged-model:${modelId}`,
  model: (name: string) => `model:${name}`,
  version: (name: string, version: number) => `model-version:${versionKey(name, version)}`,
  deployment: (id: number | string) => `deployment:${id}`,
  monitoring: (id: number | string) => `monitoring:${id}`,
};

/** What identifies a version among the graph's versions (the part of its node id after the kind). */
export const versionKey = (name: string, version: number) => `${version}:${name}`;

export const runNode = (row: LineageRunRow): LineageNode => ({
  id: nodeId.run(row.run_uuid),
  kind: 'run',
  label: row.run_name || row.run_uuid.slice(0, 8),
  detail: row.lifecycle_stage === 'deleted' ? 'deleted' : row.status.toLowerCase(),
  deleted: row.lifecycle_stage === 'deleted',
  time: Number(row.start_time),
  ref: { kind: 'run', runId: row.run_uuid },
});

export const datasetNode = (digest: string, name: string): LineageNode => ({
  id: nodeId.dataset(digest),
  kind: 'dataset',
  label: name,
  detail: `digest ${digest.slice(0, 8)}`,
  deleted: false,
  time: 0,
  ref: { kind: 'dataset', digest },
});

export const commitNode = (sha: string): LineageNode => ({
  id: nodeId.commit(sha),
  kind: 'commit',
  label: sha.slice(0, 10),
  detail: null,
  deleted: false,
  time: 0,
  ref: { kind: 'commit', commit: sha },
});

export const loggedModelNode = (row: LineageModelRow): LineageNode => ({
  id: nodeId.loggedModel(row.model_id),
  kind: 'logged-model',
  label: row.name,
  detail: row.lifecycle_stage === 'deleted' ? 'deleted' : row.status.toLowerCase(),
  deleted: row.lifecycle_stage === 'deleted',
  time: Number(row.creation_timestamp_ms),
  ref: { kind: 'logged-model', modelId: row.model_id, runId: row.source_run_id },
});

export const modelNode = (name: string): LineageNode => ({ id: nodeId.model(name), kind: 'model', label: name, detail: null, deleted: false, time: 0, ref: { kind: 'model', name } });

export const versionNode = (row: LineageVersionRow): LineageNode => ({
  id: nodeId.version(row.name, row.version),
  kind: 'model-version',
  label: `${row.name} v${row.version}`,
  detail: row.deleted_time !== null ? 'deleted' : row.status.toLowerCase().replace(/_/g, ' '),
  deleted: row.deleted_time !== null,
  time: Number(row.creation_timestamp),
  ref: { kind: 'model-version', name: row.name, version: row.version },
});

export const deploymentNode = (row: { id: number; environment: string; stable_version: number | null; canary_version: number | null; canary_weight: number }): LineageNode => ({
  id: nodeId.deployment(row.id),
  kind: 'deployment',
  label: row.environment,
  detail: row.stable_version === null ? 'nothing serving' : `serving v${row.stable_version}${row.canary_version !== null ? `, canary v${row.canary_version} ${row.canary_weight} %` : ''}`,
  deleted: false,
  time: 0,
  ref: { kind: 'deployment', deploymentId: String(row.id) },
});

export const monitoringNode = (deploymentId: string, environment: string): LineageNode => ({
  id: nodeId.monitoring(deploymentId),
  kind: 'monitoring',
  label: 'Monitoring',
  detail: environment,
  deleted: false,
  time: 0,
  ref: { kind: 'monitoring', deploymentId },
});

const edgeKindIndex = new Map(lineageEdgeKinds.map((kind, index) => [kind, index]));

/**
 * Collects nodes and edges once each, up to a cap (then marks the graph truncated). Nodes are found
 * by kind and key (run id, digest…), so a node already in the graph costs neither its id nor its
 * object again; edges are told apart by their ends' indexes and kind (one number, no string).
 */
export class GraphBuilder {
  private readonly nodes: LineageNode[] = [];
  private readonly byKey = new Map<LineageKind, Map<string, number>>(lineageKinds.map((kind) => [kind, new Map()]));
  private readonly edges: LineageEdge[] = [];
  private readonly edgeKeys = new Set<number>();
  truncated = false;

  constructor(private readonly maxNodes: number) {}

  /** The index of the node of `kind` with `key`, when the graph has it. */
  find(kind: LineageKind, key: string): number | undefined {
    return this.byKey.get(kind)?.get(key);
  }

  /** Adds a node the graph does not have yet: its index, or undefined once the cap is reached. */
  add(kind: LineageKind, key: string, node: LineageNode): number | undefined {
    if (this.nodes.length >= this.maxNodes) {
      this.truncated = true;
      return undefined;
    }
    this.byKey.get(kind)?.set(key, this.nodes.length);
    return this.nodes.push(node) - 1;
  }

  node(index: number): LineageNode {
    return this.nodes[index] as LineageNode;
  }

  /** An edge between two nodes of the graph, upstream → downstream, once per kind. */
  addEdge(source: number, target: number, kind: LineageEdge['kind'], label: string | null = null): void {
    // Indexes stay under the cap, so the number is unique (and small: 3,000² × 9 fits a small integer).
    const key = (source * this.maxNodes + target) * lineageEdgeKinds.length + (edgeKindIndex.get(kind) ?? 0);
    if (this.edgeKeys.has(key)) return;
    this.edgeKeys.add(key);
    this.edges.push({ source: this.node(source).id, target: this.node(target).id, kind, label });
  }

  toGraph(root: number): Omit<LineageGraph, 'omittedVersions'> {
    return { root: this.node(root).id, nodes: this.nodes, edges: this.edges, truncated: this.truncated };
  }
}
