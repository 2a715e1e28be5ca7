import { randomUUID } from 'node:crypto';
import type { Db } from '../db/database';
import { seedMetricValues } from './metric-values-seed';

export interface BulkRunSpec {
  runName?: string;
  status?: string;
  startTime?: number;
  endTime?: number | null;
  userId?: string;
  params?: Record<string, string>;
  tags?: Record<string, string>;
  /** Latest metric values (a one-point history each). */
  metrics?: Record<string, number>;
}

const chunk = 1000;

async function insertChunked<T>(rows: T[], insert: (batch: T[]) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < rows.length; i += chunk) await insert(rows.slice(i, i + chunk));
}

/** An experiment written straight into the tables (tests and benchmarks; not the MLflow path). */
export async function seedExperiment(db: Db, name: string): Promise<number> {
  const now = Date.now();
  const row = await db
    .insertInto('experiments')
    .values({ name, artifact_location: 'mlflow-artifacts:/seeded', lifecycle_stage: 'active', creation_time: now, last_update_time: now })
    .returning('experiment_id')
    .executeTakeFirstOrThrow();
  return Number(row.experiment_id);
}

/**
 * Runs with params, tags and latest metrics inserted in multi-row statements, so a benchmark can
 * seed 100,000 runs in seconds. Returns the run ids in the order given.
 */
export async function seedRuns(db: Db, experimentId: number, specs: readonly BulkRunSpec[]): Promise<string[]> {
  const base = Date.now() - specs.length * 1000;
  const runs = specs.map((spec, i) => {
    const runId = randomUUID().replaceAll('-', '');
    const startTime = spec.startTime ?? base + i * 1000;
    return {
      spec,
      row: {
        run_uuid: runId,
        experiment_id: experimentId,
        run_name: spec.runName ?? `run-${i}`,
        user_id: spec.userId ?? 'seed',
        status: spec.status ?? 'FINISHED',
        start_time: startTime,
        end_time: spec.endTime === undefined ? startTime + 500 : spec.endTime,
        lifecycle_stage: 'active',
        artifact_uri: `mlflow-artifacts:/${experimentId}/${runId}/artifacts`,
        deleted_time: null,
      },
    };
  });
  await insertChunked(runs.map((r) => r.row), (batch) => db.insertInto('runs').values(batch).execute());
  const kv = (field: 'params' | 'tags') => runs.flatMap(({ spec, row }) => Object.entries(spec[field] ?? {}).map(([key, value]) => ({ run_uuid: row.run_uuid, key, value })));
  await insertChunked(kv('params'), (batch) => db.insertInto('params').values(batch).execute());
  await insertChunked(kv('tags'), (batch) => db.insertInto('run_tags').values(batch).execute());
  const metrics = runs.flatMap(({ spec, row }) =>
    Object.entries(spec.metrics ?? {}).map(([key, value]) => ({
      run_uuid: row.run_uuid,
      key,
      experiment_id: experimentId,
      step: 0,
      timestamp: row.start_time,
      value: Number.isNaN(value) ? 0 : value,
      is_nan: Number.isNaN(value) ? 1 : 0,
    })),
  );
  await insertChunked(metrics, (batch) => db.insertInto('latest_metrics').values(batch).execute());
  await insertChunked(
    metrics.map(({ experiment_id: _e, ...m }) => ({ ...m, model_id: null, dataset_name: null, dataset_digest: null })),
    (batch) => seedMetricValues(db, batch),
  );
  return runs.map((r) => r.row.run_uuid);
}

/** A long metric history for one run: `values[i]` at step i, timestamps one second apart. */
export async function seedHistory(db: Db, runId: string, key: string, values: readonly number[], startTime = 1_700_000_000_000): Promise<void> {
  const rows = values.map((value, step) => ({
    run_uuid: runId,
    key,
    step,
    timestamp: startTime + step * 1000,
    value: Number.isNaN(value) ? 0 : value,
    is_nan: Number.isNaN(value) ? 1 : 0,
    model_id: null,
    dataset_name: null,
    dataset_digest: null,
  }));
  await insertChunked(rows, (batch) => seedMetricValues(db, batch));
}
