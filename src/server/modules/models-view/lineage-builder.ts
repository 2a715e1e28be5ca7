import type { LineageEdge, LineageGraph, LineageNode } from '../../../shared/contract/lineage';
import type { LineageModelRow, LineageRunRow, LineageVersionRow } from './lineage.repository';

/** Node ids are stable and never collide: the kind, then the key (a version's number before its name). */
export const nodeId = {
  dataset: (digest: string) => `dataset:${digest}`,
  commit: (sha: string) => `commit:${sha}`,
  run: (runId: string) => `run:${runId}`,
  loggedModel: (modelId: string) => `logged-model:${modelId}`,
  model: (name: string) => `model:${name}`,
  version: (name: string, version: number) => `model-version:${version}:${name}`,
  deployment: (id: number | string) => `deployment:${id}`,
  monitoring: (id: number | string) => `monitoring:${id}`,
};

export const runNode = (row: LineageRunRow): LineageNode => ({
  id: nodeId.run(row.run_uuid),
  kind: 'run',
  label: row.run_name || row.run_uuid.slice(0, 8),
  detail: row.lifecycle_stage === 'deleted' ? 'deleted' : row.status.toLowerCase(),
  deleted: row.lifecycle_stage === 'deleted',
  time: Number(row.start_time),
  ref: { kind: 'run', runId: row.run_uuid, experimentId: String(row.experiment_id) },
});

export const datasetNode = (digest: string, name: string): LineageNode => ({
  id: nodeId.dataset(digest),
  kind: 'dataset',
  label: name,
  detail: `digest ${digest.slice(0, 8)}`,
  deleted: false,
  time: 0,
  ref: { kind: 'dataset', digest, name },
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
  ref: { kind: 'logged-model', modelId: row.model_id, experimentId: String(row.experiment_id), runId: row.source_run_id },
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

export const deploymentNode = (row: { id: number; environment: string; model_name: string; stable_version: number | null; canary_version: number | null; canary_weight: number }): LineageNode => ({
  id: nodeId.deployment(row.id),
  kind: 'deployment',
  label: row.environment,
  detail: row.stable_version === null ? 'nothing serving' : `serving v${row.stable_version}${row.canary_version !== null ? `, canary v${row.canary_version} ${row.canary_weight} %` : ''}`,
  deleted: false,
  time: 0,
  ref: { kind: 'deployment', deploymentId: String(row.id), environment: row.environment },
});

export const monitoringNode = (deploymentId: number, environment: string): LineageNode => ({
  id: nodeId.monitoring(deploymentId),
  kind: 'monitoring',
  label: 'Monitoring',
  detail: environment,
  deleted: false,
  time: 0,
  ref: { kind: 'monitoring', deploymentId: String(deploymentId) },
});

/** Collects nodes and edges once each, up to a cap (then marks the graph truncated). */
export class GraphBuilder {
  private readonly nodes = new Map<string, LineageNode>();
  private readonly edges = new Map<string, LineageEdge>();
  truncated = false;

  constructor(private readonly maxNodes: number) {}

  has(id: string): boolean {
    return this.nodes.has(id);
  }

  /** True when the node is new (the traversal continues from it). */
  addNode(node: LineageNode): boolean {
    if (this.nodes.has(node.id)) return false;
    if (this.nodes.size >= this.maxNodes) {
      this.truncated = true;
      return false;
    }
    this.nodes.set(node.id, node);
    return true;
  }

  /** An edge between two nodes in the graph (edges to nodes left out by the cap are dropped). */
  addEdge(source: string, target: string, kind: LineageEdge['kind'], label: string | null = null): void {
    if (!this.nodes.has(source) || !this.nodes.has(target)) return;
    const id = `${kind}|${source}|${target}`;
    if (!this.edges.has(id)) this.edges.set(id, { id, source, target, kind, label });
  }

  toGraph(root: string): Omit<LineageGraph, 'omittedVersions'> {
    return { root, nodes: [...this.nodes.values()], edges: [...this.edges.values()], truncated: this.truncated };
  }
}
