import { randomUUID } from 'node:crypto';
import type { Db } from '../../../db/database';

export interface VersionFixture {
  name: string;
  version: number;
  metrics?: Record<string, number>;
  params?: Record<string, string>;
  tags?: Record<string, string>;
  /** Write an MLmodel signature (default true). */
  signature?: boolean;
  datasets?: Array<{ name: string; digest: string; context?: string }>;
}

/**
 * Registers a model version with a source run (metrics, params, datasets), tags and an MLmodel
 * signature by writing the registry and tracking tables directly: the MLflow API is another
 * module's, and these tests are about promotions.
 */
export async function createModelVersion(db: Db, fixture: VersionFixture): Promise<{ runId: string }> {
  const now = Date.now();
  await db
    .insertInto('registered_models')
    .values({ name: fixture.name, creation_timestamp: now, last_updated_timestamp: now, description: null, user_id: 'fixture' })
    .onConflict((oc) => oc.column('name').doNothing())
    .execute();
  const runId = randomUUID().replace(/-/g, '');
  await db
    .insertInto('runs')
    .values({ run_uuid: runId, experiment_id: 0, run_name: `train-${fixture.version}`, user_id: 'fixture', status: 'FINISHED', start_time: now, end_time: now, lifecycle_stage: 'active', artifact_uri: `mlflow-artifacts:/0/${runId}/artifacts`, deleted_time: null })
    .execute();
  for (const [key, value] of Object.entries(fixture.metrics ?? {})) {
    await db.insertInto('latest_metrics').values({ run_uuid: runId, key, experiment_id: 0, step: 0, timestamp: now, value, is_nan: 0 }).execute();
  }
  for (const [key, value] of Object.entries(fixture.params ?? {})) {
    await db.insertInto('params').values({ run_uuid: runId, key, value }).execute();
  }
  for (const dataset of fixture.datasets ?? []) {
    const datasetId = randomUUID();
    await db
      .insertInto('datasets')
      .values({ dataset_uuid: datasetId, experiment_id: 0, name: dataset.name, digest: dataset.digest, source_type: 'local', source: '{}', schema: null, profile: null })
      .onConflict((oc) => oc.columns(['experiment_id', 'name', 'digest']).doNothing())
      .execute();
    const stored = await db.selectFrom('datasets').select('dataset_uuid').where('name', '=', dataset.name).where('digest', '=', dataset.digest).executeTakeFirstOrThrow();
    const inputId = randomUUID();
    await db.insertInto('run_inputs').values({ input_uuid: inputId, run_uuid: runId, dataset_uuid: stored.dataset_uuid }).execute();
    if (dataset.context) await db.insertInto('input_tags').values({ input_uuid: inputId, key: 'mlflow.data.context', value: dataset.context }).execute();
  }
  const signature = fixture.signature ?? true;
  await db
    .insertInto('model_versions')
    .values({
      name: fixture.name, version: fixture.version, creation_timestamp: now, last_updated_timestamp: now, description: null, user_id: 'fixture',
      current_stage: 'None', source: `models:/m-${runId}`, storage_location: `s3://models/${fixture.name}/${fixture.version}`, run_id: runId,
      run_link: null, model_id: null, status: 'READY', status_message: null, deleted_time: null,
      mlmodel_json: JSON.stringify({
        flavors: { python_function: {} },
        ...(signature && { signature: { inputs: '[{"type": "double", "name": "tenure"}]', outputs: '[{"type": "long"}]' } }),
      }),
    })
    .execute();
  for (const [key, value] of Object.entries(fixture.tags ?? {})) await setVersionTag(db, fixture.name, fixture.version, key, value);
  return { runId };
}

export async function setVersionTag(db: Db, name: string, version: number, key: string, value: string): Promise<void> {
  await db.insertInto('model_version_tags').values({ name, version, key, value }).onConflict((oc) => oc.columns(['name', 'version', 'key']).doUpdateSet({ value })).execute();
}
