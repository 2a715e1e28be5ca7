import type { LineageDirection, LineageEdge, LineageKind, LineageNode } from '../../../shared/contract/lineage';
import type { Db } from '../../db/database';
import { commitNode, datasetNode, deploymentNode, type GraphBuilder, loggedModelNode, monitoringNode, runNode, versionKey, versionNode } from './lineage-builder';
import {
  datasetsOfRuns,
  deploymentsOfModels,
  gitCommitTag,
  type LineageModelRow,
  type LineageRunRow,
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

/** A node reached by the traversal (its index in the graph, kind and key) and which way it goes on from there. */
export interface Visit {
  index: number;
  kind: LineageKind;
  key: string;
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
  /** The rows behind version and logged-model nodes, by key: their upstream is read from them. */
  versions: Map<string, LineageVersionRow>;
  loggedModels: Map<string, LineageModelRow>;
}

/** Visits with the rows behind their nodes. */
const withRows = <R>(visits: Visit[], rows: Map<string, R>) =>
  visits.flatMap((visit) => {
    const row = rows.get(visit.key);
    return row ? [{ index: visit.index, row }] : [];
  });

/**
 * One level of the breadth-first traversal: every visit of one kind is expanded with one batched
 * query per relation, upstream (towards datasets) and downstream (towards live traffic). Rows that
 * lead to a node already in the graph add only the edge; nodes already in the graph are not read again.
 */
export async function expandLevel(t: Traversal, visits: Visit[]): Promise<Visit[]> {
  const next: Visit[] = [];
  const { graph } = t;
  /**
   * Reaches the node of `kind`/`key` from node `from`, on its `side`: adds it (built by `make`, and
   * visited next going `dir`) unless the graph has it, and the edge between the two, upstream → downstream.
   * `make` answers undefined for a node that cannot be built (its row is gone): then nothing is added.
   */
  const reach = (from: number, side: 'up' | 'down', kind: LineageKind, key: string, make: () => LineageNode | undefined, edge: LineageEdge['kind'], label: string | null = null, dir: LineageDirection = side) => {
    let index = graph.find(kind, key);
    if (index === undefined) {
      const node = make();
      index = node && graph.add(kind, key, node);
      if (index === undefined) return;
      next.push({ index, kind, key, dir });
    }
    if (side === 'up') graph.addEdge(index, from, edge, label);
    else graph.addEdge(from, index, edge, label);
  };
  const of = (kind: LineageKind, side: 'up' | 'down') => visits.filter((visit) => visit.kind === kind && visit.dir !== (side === 'up' ? 'down' : 'up'));
  const keyed = (found: Visit[]) => new Map(found.map((visit) => [visit.key, visit.index]));
  const indexOf = (map: Map<string, number>, key: string) => map.get(key) as number;
  const reachRun = (from: number, side: 'up' | 'down', row: LineageRunRow, edge: LineageEdge['kind'], label: string | null = null) => reach(from, side, 'run', row.run_uuid, () => runNode(row), edge, label);
  const reachVersion = (from: number, side: 'up' | 'down', row: LineageVersionRow, edge: LineageEdge['kind'], dir: LineageDirection = side) => {
    const key = versionKey(row.name, row.version);
    if (!t.versions.has(key)) t.versions.set(key, row);
    reach(from, side, 'model-version', key, () => versionNode(row), edge, null, dir);
  };
  /** Runs by id, reading only those the graph does not have yet. */
  const runsNotInGraph = async (ids: Array<string | null>) => {
    const missing = [...new Set(ids.filter((id): id is string => id !== null && graph.find('run', id) === undefined))];
    return new Map((await runsById(t.db, missing)).map((row) => [row.run_uuid, row]));
  };
  /** The run `id` from `from`: in the graph already, or read into `rows` (unless it no longer exists). */
  const reachRunById = (from: number, side: 'up' | 'down', id: string | null, rows: Map<string, LineageRunRow>, edge: LineageEdge['kind']) => {
    if (id === null) return;
    const row = rows.get(id);
    reach(from, side, 'run', id, () => row && runNode(row), edge);
  };

  // Upstream: version ← logged model ← run ← datasets, parent run, git commit.
  const upVersions = withRows(of('model-version', 'up'), t.versions);
  const upModels = withRows(of('logged-model', 'up'), t.loggedModels);
  const upRuns = keyed(of('run', 'up'));
  // Downstream: dataset / commit → run → logged model → version → deployment → monitoring.
  const downRuns = keyed(of('run', 'down'));
  const downModels = keyed(of('logged-model', 'down'));

  await Promise.all([
    (async () => {
      const models = new Map((await loggedModelsById(t.db, upVersions.flatMap(({ row }) => row.model_id ?? []))).map((row) => [row.model_id, row]));
      const viaRun = upVersions.filter(({ row }) => !(row.model_id && models.has(row.model_id)));
      const runs = await runsNotInGraph(viaRun.map(({ row }) => row.run_id));
      for (const { index, row } of upVersions) {
        const model = row.model_id ? models.get(row.model_id) : undefined;
        if (model) {
          t.loggedModels.set(model.model_id, model);
          reach(index, 'up', 'logged-model', model.model_id, () => loggedModelNode(model), 'registered');
        } else reachRunById(index, 'up', row.run_id, runs, 'registered');
      }
    })(),
    (async () => {
      const runs = await runsNotInGraph(upModels.map(({ row }) => row.source_run_id));
      for (const { index, row } of upModels) reachRunById(index, 'up', row.source_run_id, runs, 'output');
    })(),
    (async () => {
      // Independent reads of one level run side by side (separate connections on PostgreSQL).
      const ids = [...upRuns.keys()];
      const [inputs, tags] = await Promise.all([datasetsOfRuns(t.db, ids), tagsOfRuns(t.db, ids, [parentRunTag, gitCommitTag])]);
      for (const input of inputs) reach(indexOf(upRuns, input.run_uuid), 'up', 'dataset', input.digest, () => datasetNode(input.digest, input.name), 'input', input.context ?? null);
      const parents = tags.filter((tag) => tag.key === parentRunTag);
      const parentRuns = await runsNotInGraph(parents.map((tag) => tag.value));
      for (const tag of tags) if (tag.key === gitCommitTag) reach(indexOf(upRuns, tag.run_uuid), 'up', 'commit', tag.value, () => commitNode(tag.value), 'commit');
      for (const tag of parents) reachRunById(indexOf(upRuns, tag.run_uuid), 'up', tag.value, parentRuns, 'parent');
    })(),
    (async () => {
      const datasets = keyed(of('dataset', 'down'));
      for (const row of await runsOfDigests(t.db, [...datasets.keys()], t.maxNodes)) reachRun(indexOf(datasets, row.digest), 'down', row, 'input', row.context ?? null);
      const commits = keyed(of('commit', 'down'));
      for (const row of await runsTagged(t.db, gitCommitTag, [...commits.keys()], t.maxNodes)) reachRun(indexOf(commits, row.tagValue), 'down', row, 'commit');
    })(),
    (async () => {
      const ids = [...downRuns.keys()];
      const [children, models, versions] = await Promise.all([runsTagged(t.db, parentRunTag, ids, t.maxNodes), loggedModelsOfRuns(t.db, ids), versionsByRun(t.db, ids)]);
      for (const row of children) reachRun(indexOf(downRuns, row.tagValue), 'down', row, 'parent');
      for (const model of models) {
        t.loggedModels.set(model.model_id, model);
        if (model.source_run_id) reach(indexOf(downRuns, model.source_run_id), 'down', 'logged-model', model.model_id, () => loggedModelNode(model), 'output');
      }
      // A version registered from a logged model hangs under that model; others under their run.
      const viaModel = new Set(models.map((model) => model.model_id));
      for (const row of versions) {
        if (row.model_id && viaModel.has(row.model_id)) continue;
        reachVersion(indexOf(downRuns, row.run_id as string), 'down', row, 'registered');
      }
    })(),
    (async () => {
      for (const row of await versionsByModelId(t.db, [...downModels.keys()])) reachVersion(indexOf(downModels, row.model_id as string), 'down', row, 'registered');
    })(),
    (async () => {
      for (const model of of('model', 'down')) {
        for (const row of await versionsOfModel(t.db, model.key, Math.min(t.modelVersions, t.maxNodes))) reachVersion(model.index, 'up', row, 'version', t.direction);
      }
    })(),
    expandDeployments(t, of('model-version', 'down'), reach),
    (async () => {
      for (const visit of of('deployment', 'down')) {
        const environment = graph.node(visit.index).label;
        reach(visit.index, 'down', 'monitoring', visit.key, () => monitoringNode(visit.key, environment), 'monitors');
      }
    })(),
  ]);
  return next;
}

type Reach = (from: number, side: 'down', kind: 'deployment', key: string, make: () => LineageNode, edge: 'serves' | 'served', label?: string | null) => void;

/** Where each version serves now (stable or canary) or served before (from deployment history). */
async function expandDeployments(t: Traversal, visits: Visit[], reach: Reach) {
  if (visits.length === 0) return;
  const versions = withRows(visits, t.versions);
  const deployments = await deploymentsOfModels(t.db, [...new Set(versions.map(({ row }) => row.name))]);
  const history = await servedVersions(t.db, deployments.map((row) => row.id));
  for (const { index, row: version } of versions) {
    for (const row of deployments.filter((deployment) => deployment.model_name === version.name)) {
      const to = (edge: 'serves' | 'served', label: string | null) => reach(index, 'down', 'deployment', String(row.id), () => deploymentNode(row), edge, label);
      if (row.stable_version === version.version) to('serves', 'stable');
      else if (row.canary_version === version.version) to('serves', `canary ${row.canary_weight} %`);
      else if (history.some((entry) => entry.deployment_id === row.id && (entry.stable_version === version.version || entry.canary_version === version.version))) to('served', null);
    }
  }
}
