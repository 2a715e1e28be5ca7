import { randomBytes, randomUUID } from 'node:crypto';
import type { Db } from '../db/database';
import { seedMetricValues } from './metric-values-seed';

/**
 * Runs with params, tags, metrics and dataset inputs written directly, as the tracking service
 * stores them (metric history plus the latest value per key; NaN as 0 with is_nan = 1), so
 * search suites control every field, including start times, statuses and deleted runs.
 */
export interface SeedRun {
  name?: string;
  user?: string;
  status?: string;
  startTime?: number;
  endTime?: number | null;
  deleted?: boolean;
  metrics?: Record<string, number>;
  params?: Record<string, string>;
  tags?: Record<string, string>;
  datasets?: Array<{ name: string; digest: string; context?: string }>;
}

let clock = 1_700_000_000_000;

export async function seedRun(db: Db, experimentId: string, spec: SeedRun = {}): Promise<string> {
  const runId = randomBytes(16).toString('hex');
  await db
    .insertInto('runs')
    .values({
      run_uuid: runId,
      experiment_id: Number(experimentId),
      run_name: spec.name ?? `run-${runId.slice(0, 6)}`,
      user_id: spec.user ?? 'tester',
      status: spec.status ?? 'FINISHED',
      start_time: spec.startTime ?? (clock += 1000),
      end_time: spec.endTime ?? null,
      lifecycle_stage: spec.deleted ? 'deleted' : 'active',
      artifact_uri: `mlflow-artifacts:/${experimentId}/${runId}/artifacts`,
      deleted_time: spec.deleted ? Date.now() : null,
    })
    .execute();
  for (const [key, value] of Object.entries(spec.params ?? {})) await db.insertInto('params').values({ run_uuid: runId, key, value }).execute();
  const tags = { 'mlflow.runName': spec.name ?? `run-${runId.slice(0, 6)}`, ...spec.tags };
  for (const [key, value] of Object.entries(tags)) await db.insertInto('run_tags').values({ run_uuid: runId, key, value }).execute();
  for (const [key, value] of Object.entries(spec.metrics ?? {})) await logMetric(db, experimentId, runId, key, value);
  for (const dataset of spec.datasets ?? []) await seedDatasetInput(db, experimentId, runId, dataset);
  return runId;
}

/** Appends one value to a run's history and makes it the latest (same step and timestamp). */
export async function logMetric(db: Db, experimentId: string, runId: string, key: string, value: number, step = 0, timestamp = 1000): Promise<void> {
  const isNan = Number.isNaN(value) ? 1 : 0;
  const stored = isNan ? 0 : value;
  const row = { run_uuid: runId, key, step, timestamp, value: stored, is_nan: isNan, model_id: null, dataset_name: null, dataset_digest: null };
  await seedMetricValues(db, [row]);
  await db.deleteFrom('latest_metrics').where('run_uuid', '=', runId).where('key', '=', key).execute();
  await db.insertInto('latest_metrics').values({ run_uuid: runId, key, experiment_id: Number(experimentId), step, timestamp, value: stored, is_nan: isNan }).execute();
}

async function seedDatasetInput(db: Db, experimentId: string, runId: string, dataset: { name: string; digest: string; context?: string }): Promise<void> {
  const existing = await db
    .selectFrom('datasets')
    .select('dataset_uuid')
    .where('experiment_id', '=', Number(experimentId))
    .where('name', '=', dataset.name)
    .where('digest', '=', dataset.digest)
    .executeTakeFirst();
  const datasetUuid = existing?.dataset_uuid ?? randomUUID();
  if (!existing) {
    await db
      .insertInto('datasets')
      .values({ dataset_uuid: datasetUuid, experiment_id: Number(experimentId), name: dataset.name, digest: dataset.digest, source_type: 'local', source: '{}', schema: null, profile: null })
      .execute();
  }
  const inputUuid = randomUUID();
  await db.insertInto('run_inputs').values({ input_uuid: inputUuid, run_uuid: runId, dataset_uuid: datasetUuid }).execute();
  if (dataset.context) await db.insertInto('input_tags').values({ input_uuid: inputUuid, key: 'mlflow.data.context', value: dataset.context }).execute();
}
