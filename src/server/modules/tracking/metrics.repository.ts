import { sql } from 'kysely';
import type { Db } from '../../db/database';
import { recordMetricBlocks } from './metric-blocks.repository';
import type { MetricsTable } from './tracking.tables';

/**
 * SQL for metric values: the append-only history (`metrics`, an exact duplicate adds no row, as in
 * MLflow) and the latest value per run and key (`latest_metrics`, for runs/get and search).
 */
const chunk = 500;

export async function insertMetricRows(tx: Db, input: readonly MetricsTable[]) {
  // PostgreSQL refuses an upsert that touches one row twice: drop exact repeats within the batch.
  const unique = new Map(input.map((row) => [JSON.stringify([row.key, row.step, row.timestamp, row.value, row.is_nan]), row] as const));
  const rows = [...unique.values()];
  for (let start = 0; start < rows.length; start += chunk) {
    const batch = rows.slice(start, start + chunk);
    // Only values that are new reach the block summaries: an exact duplicate adds nothing.
    const inserted = await tx
      .insertInto('metrics')
      .values(batch)
      .onConflict((conflict) => conflict.columns(historyKey).doNothing())
      .returning(['run_uuid', 'key', 'step', 'timestamp', 'value', 'is_nan'])
      .execute();
    if (inserted.length < batch.length) await linkExistingValues(tx, batch.filter((row) => row.model_id !== null || row.dataset_name !== null || row.dataset_digest !== null));
    await recordMetricBlocks(tx, inserted);
  }
}

const historyKey = ['run_uuid', 'key', 'step', 'timestamp', 'value', 'is_nan'] as const;

/**
 * MLflow 3 re-logs a run's metrics with the logged model's id once the model exists: an existing
 * value then gains that link (and its dataset's), nothing else changes.
 */
async function linkExistingValues(tx: Db, rows: readonly MetricsTable[]) {
  if (rows.length === 0) return;
  await tx
    .insertInto('metrics')
    .values([...rows])
    .onConflict((conflict) =>
      conflict.columns(historyKey).doUpdateSet({
        model_id: sql`coalesce(metrics.model_id, excluded.model_id)`,
        dataset_name: sql`coalesce(metrics.dataset_name, excluded.dataset_name)`,
        dataset_digest: sql`coalesce(metrics.dataset_digest, excluded.dataset_digest)`,
      }),
    )
    .execute();
}

/**
 * Upserts candidates (at most one per key) into latest_metrics, replacing a row only when the
 * candidate is later by (step, timestamp, value), MLflow's order. The comparison happens in the
 * upsert itself, so concurrent writers to one run cannot lose the latest value.
 */
export async function upsertLatestMetrics(
  tx: Db,
  rows: ReadonlyArray<{ run_uuid: string; key: string; experiment_id: number; step: number; timestamp: number; value: number; is_nan: number }>,
) {
  for (let start = 0; start < rows.length; start += chunk) {
    await tx
      .insertInto('latest_metrics')
      .values(rows.slice(start, start + chunk))
      .onConflict((conflict) =>
        conflict
          .columns(['run_uuid', 'key'])
          .doUpdateSet((eb) => ({
            step: eb.ref('excluded.step'),
            timestamp: eb.ref('excluded.timestamp'),
            value: eb.ref('excluded.value'),
            is_nan: eb.ref('excluded.is_nan'),
          }))
          .where(
            sql<boolean>`(excluded.step, excluded.timestamp, excluded.value) > (latest_metrics.step, latest_metrics.timestamp, latest_metrics.value)`,
          ),
      )
      .execute();
  }
}

/** One page of a metric's history, ordered by timestamp, step, value (as MLflow's SQL store). */
export async function metricHistoryRows(db: Db, runId: string, key: string, offset: number, limit: number) {
  return db
    .selectFrom('metrics')
    .selectAll()
    .where('run_uuid', '=', runId)
    .where('key', '=', key)
    .orderBy('timestamp')
    .orderBy('step')
    .orderBy('value')
    .limit(limit)
    .offset(offset)
    .execute();
}

/** Several runs' histories of one metric (the UI's get-history-bulk), by run, step, timestamp, value. */
export async function bulkMetricHistoryRows(db: Db, runIds: readonly string[], key: string, limit: number) {
  return db
    .selectFrom('metrics')
    .selectAll()
    .where('run_uuid', 'in', runIds)
    .where('key', '=', key)
    .orderBy('run_uuid')
    .orderBy('step')
    .orderBy('timestamp')
    .orderBy('value')
    .limit(limit)
    .execute();
}
