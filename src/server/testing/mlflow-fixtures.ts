import { randomBytes } from 'node:crypto';
import type { Db } from '../db/database';
import { seedMetricValues } from './metric-values-seed';

/**
 * Tracking rows for registry, artifact and logged-model tests, written directly so those suites
 * do not depend on the tracking API.
 */
export async function insertExperiment(db: Db, name = `exp-${randomBytes(4).toString('hex')}`): Promise<string> {
  const now = Date.now();
  const row = await db
    .insertInto('experiments')
    .values({ name, artifact_location: 'pending', lifecycle_stage: 'active', creation_time: now, last_update_time: now })
    .returning('experiment_id')
    .executeTakeFirstOrThrow();
  const id = Number(row.experiment_id);
  await db.updateTable('experiments').set({ artifact_location: `mlflow-artifacts:/${id}` }).where('experiment_id', '=', id).execute();
  return String(id);
}

export async function insertRun(db: Db, experimentId: string): Promise<{ runId: string; artifactUri: string }> {
  const runId = randomBytes(16).toString('hex');
  const artifactUri = `mlflow-artifacts:/${experimentId}/${runId}/artifacts`;
  await db
    .insertInto('runs')
    .values({
      run_uuid: runId,
      experiment_id: Number(experimentId),
      run_name: 'test-run',
      user_id: 'tester',
      status: 'RUNNING',
      start_time: Date.now(),
      end_time: null,
      lifecycle_stage: 'active',
      artifact_uri: artifactUri,
      deleted_time: null,
    })
    .execute();
  return { runId, artifactUri };
}

export async function insertMetric(db: Db, row: { runId: string; modelId: string | null; key: string; value: number; step?: number; timestamp?: number; datasetName?: string; datasetDigest?: string }) {
  const value = {
    run_uuid: row.runId,
    key: row.key,
    value: row.value,
    is_nan: 0,
    step: row.step ?? 0,
    timestamp: row.timestamp ?? Date.now(),
    model_id: row.modelId,
    dataset_name: row.datasetName ?? null,
    dataset_digest: row.datasetDigest ?? null,
  };
  await seedMetricValues(db, [value]);
}
