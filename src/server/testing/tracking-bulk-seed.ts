import { sql } from 'kysely';
import type { DatabaseHandle } from '../db/database';
import { inTransaction } from '../db/transaction';
import { seedMetricValues } from './metric-values-seed';

/**
 * Bulk rows for the MLflow benchmark, written straight through Kysely in batched transactions:
 * a search experiment of many runs (params model/lr, latest metrics accuracy/loss, one history
 * row each) and a history experiment of a few runs with a long metric curve.
 */
const batchSize = 1000;
const models = ['gbm', 'lr', 'rf'];

/** Deterministic pseudo-random numbers in [0, 1), so every bench run seeds the same data. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return state / 2_147_483_648;
  };
}

async function insertExperiment(handle: DatabaseHandle, name: string): Promise<number> {
  const now = Date.now();
  const row = await handle.db
    .insertInto('experiments')
    .values({ name, artifact_location: 'pending', lifecycle_stage: 'active', creation_time: now, last_update_time: now })
    .returning('experiment_id')
    .executeTakeFirstOrThrow();
  const id = Number(row.experiment_id);
  await handle.db.updateTable('experiments').set({ artifact_location: `mlflow-artifacts:/${id}` }).where('experiment_id', '=', id).execute();
  return id;
}

function runRow(experimentId: number, index: number, startTime: number) {
  const runId = `${experimentId.toString(16).padStart(8, '0')}${index.toString(16).padStart(24, '0')}`;
  return {
    run_uuid: runId,
    experiment_id: experimentId,
    run_name: `run-${index}`,
    user_id: 'bench',
    status: 'FINISHED',
    start_time: startTime,
    end_time: startTime + 60_000,
    lifecycle_stage: 'active',
    artifact_uri: `mlflow-artifacts:/${experimentId}/${runId}/artifacts`,
    deleted_time: null,
  };
}

/** `runs` runs in a new experiment; returns its id. */
export async function seedSearchExperiment(handle: DatabaseHandle, runs: number): Promise<number> {
  const experimentId = await insertExperiment(handle, `search-bench-${Date.now()}`);
  const next = random(42);
  const start = Date.now() - runs * 1000;
  for (let from = 0; from < runs; from += batchSize) {
    const rows = Array.from({ length: Math.min(batchSize, runs - from) }, (_, i) => runRow(experimentId, from + i, start + (from + i) * 1000));
    await inTransaction(handle, async (tx) => {
      await tx.insertInto('runs').values(rows).execute();
      await tx
        .insertInto('params')
        .values(rows.flatMap((run, i) => [
          { run_uuid: run.run_uuid, key: 'model', value: models[(from + i) % models.length] as string },
          { run_uuid: run.run_uuid, key: 'lr', value: String(Math.round(next() * 1000) / 10_000) },
        ]))
        .execute();
      await tx.insertInto('run_tags').values(rows.map((run) => ({ run_uuid: run.run_uuid, key: 'mlflow.runName', value: run.run_name }))).execute();
      const metrics = rows.flatMap((run) => [
        { run_uuid: run.run_uuid, key: 'accuracy', value: next(), step: 0, timestamp: run.end_time, is_nan: 0 },
        { run_uuid: run.run_uuid, key: 'loss', value: next() * 2, step: 0, timestamp: run.end_time, is_nan: 0 },
      ]);
      await seedMetricValues(tx, metrics.map((m) => ({ ...m, model_id: null, dataset_name: null, dataset_digest: null })));
      await tx.insertInto('latest_metrics').values(metrics.map((m) => ({ ...m, experiment_id: experimentId }))).execute();
    });
  }
  await analyze(handle);
  return experimentId;
}

/** As autovacuum would after a bulk load: PostgreSQL plans with the tables' real statistics. */
async function analyze(handle: DatabaseHandle): Promise<void> {
  if (handle.dialect === 'postgres') await sql`analyze runs, params, run_tags, metric_series, metrics, latest_metrics`.execute(handle.db);
}

/** `runs` runs with `steps` values each of metric `key`; returns the run ids. */
export async function seedHistoryRuns(handle: DatabaseHandle, runs: number, steps: number, key: string): Promise<string[]> {
  const experimentId = await insertExperiment(handle, `history-bench-${Date.now()}`);
  const rows = Array.from({ length: runs }, (_, i) => runRow(experimentId, i, Date.now() + i));
  await handle.db.insertInto('runs').values(rows).execute();
  for (const run of rows) {
    for (let from = 0; from < steps; from += batchSize * 2) {
      const count = Math.min(batchSize * 2, steps - from);
      const values = Array.from({ length: count }, (_, i) => ({
        run_uuid: run.run_uuid,
        key,
        step: from + i,
        timestamp: 1_700_000_000_000 + from + i,
        value: 1 / (from + i + 1),
        is_nan: 0,
        model_id: null,
        dataset_name: null,
        dataset_digest: null,
      }));
      await inTransaction(handle, async (tx) => {
        await seedMetricValues(tx, values);
      });
    }
    const last = steps - 1;
    await handle.db
      .insertInto('latest_metrics')
      .values({ run_uuid: run.run_uuid, key, experiment_id: experimentId, step: last, timestamp: 1_700_000_000_000 + last, value: 1 / steps, is_nan: 0 })
      .execute();
  }
  await analyze(handle);
  return rows.map((run) => run.run_uuid);
}
