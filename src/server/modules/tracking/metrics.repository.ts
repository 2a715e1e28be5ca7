import { sql } from 'kysely';
import type { Db } from '../../db/database';
import type { MetricsTable } from './tracking.tables';

/**
 * SQL for metric values: the append-only history (`metrics`, an exact duplicate is a no-op, as in
 * MLflow) and the latest value per run and key (`latest_metrics`, for runs/get and search).
 */
const chunk = 500;

export async function insertMetricRows(tx: Db, rows: readonly MetricsTable[]) {
  for (let start = 0; start < rows.length; start += chunk) {
    await tx
      .insertInto('metrics')
      .values(rows.slice(start, start + chunk))
      .onConflict((conflict) => conflict.doNothing())
      .execute();
  }
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
