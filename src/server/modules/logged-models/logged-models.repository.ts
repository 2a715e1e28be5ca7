import type { Db } from '../../db/database';
import type { LoggedModelsTable } from '../tracking/tracking.tables';
import type { LoggedModel, LoggedModelStatus } from './logged-model-types';

/** SQL for logged models (MLflow 3), their tags, params, metrics and registrations. */

export const modelVersionsTagKey = 'mlflow.modelVersions';

/** A logged model that is not deleted. */
export async function findLiveLoggedModelRow(db: Db, modelId: string): Promise<LoggedModelsTable | undefined> {
  return db.selectFrom('logged_models').selectAll().where('model_id', '=', modelId).where('lifecycle_stage', '=', 'active').executeTakeFirst();
}

export async function findLoggedModelRow(db: Db, modelId: string): Promise<LoggedModelsTable | undefined> {
  return db.selectFrom('logged_models').selectAll().where('model_id', '=', modelId).executeTakeFirst();
}

export async function findExperimentForModels(db: Db, experimentId: number) {
  return db.selectFrom('experiments').select(['experiment_id', 'artifact_location', 'lifecycle_stage']).where('experiment_id', '=', experimentId).executeTakeFirst();
}

export async function runExists(db: Db, runId: string): Promise<boolean> {
  return (await db.selectFrom('runs').select('run_uuid').where('run_uuid', '=', runId).executeTakeFirst()) !== undefined;
}

/** Full logged models (tags, params, metrics, registrations), in the order of the rows. */
export async function hydrateLoggedModels(db: Db, rows: LoggedModelsTable[]): Promise<LoggedModel[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((row) => row.model_id);
  const [tags, params, metrics, registrations] = await Promise.all([
    db.selectFrom('logged_model_tags').selectAll().where('model_id', 'in', ids).orderBy('key').execute(),
    db.selectFrom('logged_model_params').selectAll().where('model_id', 'in', ids).orderBy('key').execute(),
    db
      .selectFrom('metrics as m')
      .innerJoin('metric_series as s', 's.series_id', 'm.series_id')
      .select(['s.run_uuid', 's.key', 'm.step', 'm.timestamp', 'm.value', 'm.is_nan', 'm.model_id', 'm.dataset_name', 'm.dataset_digest'])
      .where('m.model_id', 'in', ids)
      .orderBy('s.key')
      .orderBy('m.step')
      .orderBy('m.timestamp')
      .execute(),
    db.selectFrom('model_versions').select(['model_id', 'name', 'version']).where('model_id', 'in', ids).where('deleted_time', 'is', null).orderBy('name').orderBy('version').execute(),
  ]);
  return rows.map((row) => ({
    modelId: row.model_id,
    experimentId: String(row.experiment_id),
    name: row.name,
    artifactLocation: row.artifact_location,
    creationTimestampMs: row.creation_timestamp_ms,
    lastUpdatedTimestampMs: row.last_updated_timestamp_ms,
    status: row.status as LoggedModelStatus,
    statusMessage: row.status_message,
    lifecycleStage: row.lifecycle_stage,
    modelType: row.model_type,
    sourceRunId: row.source_run_id,
    creatorId: row.creator_id,
    tags: tags.filter((tag) => tag.model_id === row.model_id).map(({ key, value }) => ({ key, value })),
    params: params.filter((param) => param.model_id === row.model_id).map(({ key, value }) => ({ key, value })),
    metrics: metrics
      .filter((metric) => metric.model_id === row.model_id)
      .map((metric) => ({
        key: metric.key,
        value: metric.is_nan ? Number.NaN : metric.value,
        timestamp: metric.timestamp,
        step: metric.step,
        runId: metric.run_uuid,
        datasetName: metric.dataset_name,
        datasetDigest: metric.dataset_digest,
      })),
    registrations: registrations.filter((r) => r.model_id === row.model_id).map(({ name, version }) => ({ name, version })),
  }));
}

/** A live logged model with everything attached; the read other modules use. */
export async function getLoggedModel(db: Db, modelId: string, options: { allowDeleted?: boolean } = {}): Promise<LoggedModel | undefined> {
  const row = options.allowDeleted ? await findLoggedModelRow(db, modelId) : await findLiveLoggedModelRow(db, modelId);
  return row ? (await hydrateLoggedModels(db, [row]))[0] : undefined;
}

export async function insertLoggedModel(tx: Db, row: LoggedModelsTable, params: Array<{ key: string; value: string }>, tags: Array<{ key: string; value: string }>) {
  await tx.insertInto('logged_models').values(row).execute();
  if (params.length > 0) await tx.insertInto('logged_model_params').values(params.map((p) => ({ model_id: row.model_id, ...p }))).execute();
  if (tags.length > 0) await tx.insertInto('logged_model_tags').values(tags.map((tag) => ({ model_id: row.model_id, ...tag }))).execute();
}

export async function updateLoggedModelRow(tx: Db, modelId: string, patch: Partial<Pick<LoggedModelsTable, 'status' | 'lifecycle_stage' | 'last_updated_timestamp_ms'>>) {
  await tx.updateTable('logged_models').set(patch).where('model_id', '=', modelId).execute();
}

export async function loggedModelTags(tx: Db, modelId: string): Promise<Map<string, string>> {
  const rows = await tx.selectFrom('logged_model_tags').select(['key', 'value']).where('model_id', '=', modelId).execute();
  return new Map(rows.map((row) => [row.key, row.value]));
}

export async function upsertLoggedModelTag(tx: Db, modelId: string, key: string, value: string) {
  await tx
    .insertInto('logged_model_tags')
    .values({ model_id: modelId, key, value })
    .onConflict((conflict) => conflict.columns(['model_id', 'key']).doUpdateSet({ value }))
    .execute();
}

export async function deleteLoggedModelTagRow(tx: Db, modelId: string, key: string) {
  await tx.deleteFrom('logged_model_tags').where('model_id', '=', modelId).where('key', '=', key).execute();
}

export async function loggedModelParams(tx: Db, modelId: string): Promise<Map<string, string>> {
  const rows = await tx.selectFrom('logged_model_params').select(['key', 'value']).where('model_id', '=', modelId).execute();
  return new Map(rows.map((row) => [row.key, row.value]));
}

export async function insertLoggedModelParams(tx: Db, modelId: string, params: Array<{ key: string; value: string }>) {
  if (params.length > 0) await tx.insertInto('logged_model_params').values(params.map((p) => ({ model_id: modelId, ...p }))).execute();
}

/**
 * Records a registration on the logged model's `mlflow.modelVersions` tag (a JSON list of
 * {name, version}), as MLflow's server does when a version is created from a logged model.
 */
export async function appendModelVersionTag(tx: Db, modelId: string, name: string, version: number): Promise<void> {
  const existing = (await loggedModelTags(tx, modelId)).get(modelVersionsTagKey);
  let versions: unknown[] = [];
  try {
    const parsed: unknown = existing ? JSON.parse(existing) : [];
    if (Array.isArray(parsed)) versions = parsed;
  } catch {
    // A client wrote something else there; start a fresh list.
  }
  await upsertLoggedModelTag(tx, modelId, modelVersionsTagKey, JSON.stringify([...versions, { name, version }]));
}
