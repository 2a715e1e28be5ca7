import type { LineageDirection, LineageNode } from '../../../shared/contract/lineage';
import type { Db } from '../../db/database';
import {
  commitNode,
  datasetNode,
  deploymentNode,
  type GraphBuilder,
  loggedModelNode,
  monitoringNode,
  nodeId,
  runNode,
  versionNode,
} from './lineage-builder';
import {
  datasetsOfRuns,
  deploymentsOfModels,
  gitCommitTag,
  type LineageModelRow,
  type LineageVersionRow,
  loggedModelsById,
  loggedModelsOfRuns,
  parentRunTag,
  runsById,
  runsOfDigests,
  runsTagged,
  servedVersions,
  tagsOfRuns,
  versionsByModelId,
  versionsByRun,
  versionsOfModel,
} from './lineage.repository';

/** A node reached by the traversal and which way it goes on from there. */
export interface Visit {
  node: LineageNode;
  dir: LineageDirection;
}

export interface Traversal {
  db: Db;
  graph: GraphBuilder;
  maxNodes: number;
  /** The direction asked for (a model's versions go on in it). */
  direction: LineageDirection;
  /** How many of a model root's newest versions to expand. */
  modelVersions: number;
  versions: Map<string, LineageVersionRow>;
  loggedModels: Map<string, LineageModelRow>;
}

const keyOf = (node: LineageNode, field: 'runId' | 'digest' | 'commit' | 'modelId' | 'name' | 'deploymentId') => (node.ref as Record<string, string>)[field] as string;

/**
 * One level of the breadth-first traversal: every visit of one kind is expanded with one batched
 * query per relation, upstream (towards datasets) and downstream (towards live traffic).
 */
export async function expandLevel(t: Traversal, visits: Visit[]): Promise<Visit[]> {
  const next: Visit[] = [];
  const reach = (node: LineageNode, dir: LineageDirection, source: string, target: string, kind: Parameters<GraphBuilder['addEdge']>[2], label: string | null = null) => {
    if (t.graph.addNode(node)) next.push({ node, dir });
    t.graph.addEdge(source, target, kind, label);
  };
  const of = (kind: LineageNode['kind'], dir: 'up' | 'down') => visits.filter((visit) => visit.node.kind === kind && visit.dir !== (dir === 'up' ? 'down' : 'up')).map((visit) => visit.node);
  const keys = (nodes: LineageNode[], field: Parameters<typeof keyOf>[1]) => nodes.map((node) => keyOf(node, field));
  const addVersion = (row: LineageVersionRow) => {
    t.versions.set(nodeId.version(row.name, row.version), row);
    return versionNode(row);
  };

  // Upstream: version ← logged model ← run ← datasets, parent run, git commit.
  const upVersions = of('model-version', 'up').flatMap((node) => t.versions.get(node.id) ?? []);
  const upModels = of('logged-model', 'up').flatMap((node) => t.loggedModels.get(node.id) ?? []);
  const upRuns = keys(of('run', 'up'), 'runId');
  // Downstream: dataset / commit → run → logged model → version → deployment → monitoring.
  const downRuns = keys(of('run', 'down'), 'runId');
  const downModels = keys(of('logged-model', 'down'), 'modelId');
  const downVersions = of('model-version', 'down');

  await Promise.all([
    (async () => {
      const models = new Map((await loggedModelsById(t.db, upVersions.flatMap((row) => row.model_id ?? []))).map((row) => [row.model_id, row]));
      const runIds = upVersions.filter((row) => !(row.model_id && models.has(row.model_id)) && row.run_id).map((row) => row.run_id as string);
      const runs = new Map((await runsById(t.db, runIds)).map((row) => [row.run_uuid, row]));
      for (const row of upVersions) {
        const model = row.model_id ? models.get(row.model_id) : undefined;
        const run = row.run_id ? runs.get(row.run_id) : undefined;
        if (model) t.loggedModels.set(nodeId.loggedModel(model.model_id), model);
        if (model) reach(loggedModelNode(model), 'up', nodeId.loggedModel(model.model_id), nodeId.version(row.name, row.version), 'registered');
        else if (run) reach(runNode(run), 'up', nodeId.run(run.run_uuid), nodeId.version(row.name, row.version), 'registered');
      }
    })(),
    (async () => {
      const runs = new Map((await runsById(t.db, upModels.flatMap((row) => row.source_run_id ?? []))).map((row) => [row.run_uuid, row]));
      for (const model of upModels) {
        const run = model.source_run_id ? runs.get(model.source_run_id) : undefined;
        if (run) reach(runNode(run), 'up', nodeId.run(run.run_uuid), nodeId.loggedModel(model.model_id), 'output');
      }
    })(),
    (async () => {
      // Independent reads of one level run side by side (separate connections on PostgreSQL).
      const [inputs, tags] = await Promise.all([datasetsOfRuns(t.db, upRuns), tagsOfRuns(t.db, upRuns, [parentRunTag, gitCommitTag])]);
      for (const input of inputs) reach(datasetNode(input.digest, input.name), 'up', nodeId.dataset(input.digest), nodeId.run(input.run_uuid), 'input', input.context ?? null);
      for (const tag of tags.filter((tag) => tag.key === gitCommitTag)) reach(commitNode(tag.value), 'up', nodeId.commit(tag.value), nodeId.run(tag.run_uuid), 'commit');
      const parents = tags.filter((tag) => tag.key === parentRunTag);
      const parentRuns = new Map((await runsById(t.db, parents.map((tag) => tag.value))).map((row) => [row.run_uuid, row]));
      for (const tag of parents) {
        const parent = parentRuns.get(tag.value);
        if (parent) reach(runNode(parent), 'up', nodeId.run(parent.run_uuid), nodeId.run(tag.run_uuid), 'parent');
      }
    })(),
    (async () => {
      for (const row of await runsOfDigests(t.db, keys(of('dataset', 'down'), 'digest'), t.maxNodes)) reach(runNode(row), 'down', nodeId.dataset(row.digest), nodeId.run(row.run_uuid), 'input', row.context ?? null);
      for (const row of await runsTagged(t.db, gitCommitTag, keys(of('commit', 'down'), 'commit'), t.maxNodes)) reach(runNode(row), 'down', nodeId.commit(row.tagValue), nodeId.run(row.run_uuid), 'commit');
    })(),
    (async () => {
      const [children, models, versions] = await Promise.all([runsTagged(t.db, parentRunTag, downRuns, t.maxNodes), loggedModelsOfRuns(t.db, downRuns), versionsByRun(t.db, downRuns)]);
      for (const row of children) reach(runNode(row), 'down', nodeId.run(row.tagValue), nodeId.run(row.run_uuid), 'parent');
      for (const model of models) {
        t.loggedModels.set(nodeId.loggedModel(model.model_id), model);
        if (model.source_run_id) reach(loggedModelNode(model), 'down', nodeId.run(model.source_run_id), nodeId.loggedModel(model.model_id), 'output');
      }
      // A version registered from a logged model hangs under that model; others under their run.
      const viaModel = new Set(models.map((model) => model.model_id));
      for (const row of versions) {
        if (row.model_id && viaModel.has(row.model_id)) continue;
        reach(addVersion(row), 'down', nodeId.run(row.run_id as string), nodeId.version(row.name, row.version), 'registered');
      }
    })(),
    (async () => {
      for (const row of await versionsByModelId(t.db, downModels)) reach(addVersion(row), 'down', nodeId.loggedModel(row.model_id as string), nodeId.version(row.name, row.version), 'registered');
    })(),
    (async () => {
      for (const model of of('model', 'down')) {
        const name = keyOf(model, 'name');
        for (const row of await versionsOfModel(t.db, name, Math.min(t.modelVersions, t.maxNodes))) reach(addVersion(row), t.direction, nodeId.version(row.name, row.version), model.id, 'version');
      }
    })(),
    expandDeployments(t, downVersions, reach),
    (async () => {
      for (const node of of('deployment', 'down')) {
        const ref = node.ref as { deploymentId: string; environment: string };
        reach(monitoringNode(Number(ref.deploymentId), ref.environment), 'down', node.id, nodeId.monitoring(ref.deploymentId), 'monitors');
      }
    })(),
  ]);
  return next;
}

type Reach = (node: LineageNode, dir: LineageDirection, source: string, target: string, kind: 'serves' | 'served', label?: string | null) => void;

/** Where each version serves now (stable or canary) or served before (from deployment history). */
async function expandDeployments(t: Traversal, versions: LineageNode[], reach: Reach) {
  if (versions.length === 0) return;
  const refs = versions.map((node) => node.ref as { name: string; version: number });
  const deployments = await deploymentsOfModels(t.db, [...new Set(refs.map((ref) => ref.name))]);
  const history = await servedVersions(t.db, deployments.map((row) => row.id));
  for (const ref of refs) {
    const source = nodeId.version(ref.name, ref.version);
    for (const row of deployments.filter((deployment) => deployment.model_name === ref.name)) {
      const target = nodeId.deployment(row.id);
      if (row.stable_version === ref.version) reach(deploymentNode(row), 'down', source, target, 'serves', 'stable');
      else if (row.canary_version === ref.version) reach(deploymentNode(row), 'down', source, target, 'serves', `canary ${row.canary_weight} %`);
      else if (history.some((entry) => entry.deployment_id === row.id && (entry.stable_version === ref.version || entry.canary_version === ref.version))) {
        reach(deploymentNode(row), 'down', source, target, 'served');
      }
    }
  }
}
