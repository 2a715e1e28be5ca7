import { randomBytes, randomUUID } from 'node:crypto';
import type { Db } from '../db/database';

/**
 * Tracking, registry and deployment rows for the models pages and the lineage graph, written
 * directly so those tests do not depend on the tracking API (another module's).
 */
const hex = (bytes: number) => randomBytes(bytes).toString('hex');

export interface RunFixture {
  experimentId: number;
  name?: string;
  datasets?: Array<{ name: string; digest: string; context?: string }>;
  parentRunId?: string;
  commit?: string;
  metrics?: Record<string, number>;
  params?: Record<string, string>;
  deleted?: boolean;
  startTime?: number;
}

export async function seedExperiment(db: Db, name = `exp-${hex(4)}`): Promise<number> {
  const now = Date.now();
  const row = await db.insertInto('experiments').values({ name, artifact_location: 'mlflow-artifacts:/x', lifecycle_stage: 'active', creation_time: now, last_update_time: now }).returning('experiment_id').executeTakeFirstOrThrow();
  return Number(row.experiment_id);
}

export async function seedRun(db: Db, run: RunFixture): Promise<string> {
  const runId = hex(16);
  const start = run.startTime ?? Date.now();
  await db
    .insertInto('runs')
    .values({
      run_uuid: runId, experiment_id: run.experimentId, run_name: run.name ?? `run-${runId.slice(0, 6)}`, user_id: 'ada', status: 'FINISHED', start_time: start, end_time: start + 1000,
      lifecycle_stage: run.deleted ? 'deleted' : 'active', artifact_uri: `mlflow-artifacts:/${run.experimentId}/${runId}/artifacts`, deleted_time: run.deleted ? start : null,
    })
    .execute();
  const tags = [...(run.parentRunId ? [{ key: 'mlflow.parentRunId', value: run.parentRunId }] : []), ...(run.commit ? [{ key: 'mlflow.source.git.commit', value: run.commit }] : [])];
  if (tags.length) await db.insertInto('run_tags').values(tags.map((tag) => ({ run_uuid: runId, ...tag }))).execute();
  const params = Object.entries(run.params ?? {});
  if (params.length) await db.insertInto('params').values(params.map(([key, value]) => ({ run_uuid: runId, key, value }))).execute();
  const metrics = Object.entries(run.metrics ?? {});
  if (metrics.length) {
    await db.insertInto('latest_metrics').values(metrics.map(([key, value]) => ({ run_uuid: runId, key, experiment_id: run.experimentId, step: 0, timestamp: start, value, is_nan: 0 }))).execute();
  }
  for (const dataset of run.datasets ?? []) {
    await db
      .insertInto('datasets')
      .values({ dataset_uuid: randomUUID(), experiment_id: run.experimentId, name: dataset.name, digest: dataset.digest, source_type: 'local', source: '{"uri": "data.csv"}', schema: null, profile: null })
      .onConflict((oc) => oc.columns(['experiment_id', 'name', 'digest']).doNothing())
      .execute();
    const stored = await db.selectFrom('datasets').select('dataset_uuid').where('experiment_id', '=', run.experimentId).where('name', '=', dataset.name).where('digest', '=', dataset.digest).executeTakeFirstOrThrow();
    const inputId = randomUUID();
    await db.insertInto('run_inputs').values({ input_uuid: inputId, run_uuid: runId, dataset_uuid: stored.dataset_uuid }).execute();
    if (dataset.context) await db.insertInto('input_tags').values({ input_uuid: inputId, key: 'mlflow.data.context', value: dataset.context }).execute();
  }
  return runId;
}

export async function seedLoggedModel(db: Db, runId: string, experimentId: number, name = 'model'): Promise<string> {
  const modelId = `m-${hex(16)}`;
  const now = Date.now();
  await db
    .insertInto('logged_models')
    .values({
      model_id: modelId, experiment_id: experimentId, name, artifact_location: `mlflow-artifacts:/${experimentId}/models/${modelId}/artifacts`, creation_timestamp_ms: now,
      last_updated_timestamp_ms: now, status: 'READY', status_message: null, lifecycle_stage: 'active', model_type: null, source_run_id: runId, creator_id: null,
    })
    .execute();
  return modelId;
}

export async function seedModel(db: Db, name: string, options: { description?: string; tags?: Record<string, string>; updated?: number } = {}): Promise<void> {
  const now = options.updated ?? Date.now();
  await db.insertInto('registered_models').values({ name, creation_timestamp: now, last_updated_timestamp: now, description: options.description ?? null, user_id: 'ada' }).execute();
  const tags = Object.entries(options.tags ?? {});
  if (tags.length) await db.insertInto('registered_model_tags').values(tags.map(([key, value]) => ({ name, key, value }))).execute();
}

export interface VersionFixture {
  name: string;
  version: number;
  runId: string | null;
  modelId?: string | null;
  deleted?: boolean;
  mlmodel?: Record<string, unknown> | null;
  aliases?: string[];
}

export async function seedVersion(db: Db, fixture: VersionFixture): Promise<void> {
  const now = Date.now();
  await db
    .insertInto('model_versions')
    .values({
      name: fixture.name, version: fixture.version, creation_timestamp: now + fixture.version, last_updated_timestamp: now + fixture.version, description: null, user_id: 'ada',
      current_stage: 'None', source: fixture.modelId ? `models:/${fixture.modelId}` : `runs:/${fixture.runId}/model`, storage_location: `mlflow-artifacts:/x/${fixture.name}/${fixture.version}`,
      run_id: fixture.runId, run_link: null, model_id: fixture.modelId ?? null, status: 'READY', status_message: null, deleted_time: fixture.deleted ? now : null,
      mlmodel_json: fixture.mlmodel === null ? null : JSON.stringify(fixture.mlmodel ?? { flavors: { python_function: { loader_module: 'mlflow.sklearn' } }, signature: null }),
    })
    .execute();
  for (const alias of fixture.aliases ?? []) await db.insertInto('registered_model_aliases').values({ name: fixture.name, alias, version: fixture.version }).execute();
}

/** A deployment serving `stable` (and a canary), with history rows for versions it served before. */
export async function seedDeployment(db: Db, fixture: { model: string; environment: string; stable: number | null; canary?: number; weight?: number; served?: number[] }): Promise<number> {
  const now = Date.now();
  const row = await db
    .insertInto('deployments')
    .values({
      model_name: fixture.model, environment: fixture.environment, stable_version: fixture.stable, canary_version: fixture.canary ?? null, canary_weight: fixture.weight ?? 0,
      status: fixture.canary ? 'canary' : fixture.stable === null ? 'empty' : 'stable', revision: (fixture.served?.length ?? 0) + 1, updated_by: 'ada', updated_at: now,
      strategy: 'direct', canary_steps: null, request_id: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const history = [...(fixture.served ?? []), fixture.stable];
  for (const [index, version] of history.entries()) {
    await db
      .insertInto('deployment_history')
      .values({ deployment_id: row.id, revision: index + 1, stable_version: version, canary_version: null, canary_weight: 0, status: 'stable', change: 'promote', request_id: null, changed_by: 'ada', changed_at: now - (history.length - index) * 1000, justification: null })
      .execute();
  }
  return Number(row.id);
}
