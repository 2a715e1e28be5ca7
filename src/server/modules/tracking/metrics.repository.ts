import { CompiledQuery, sql } from 'kysely';
import type { Db, Dialect } from '../../db/database';
import { placeholders } from '../../db/placeholders';
import { type InsertedValue, recordMetricBlocks } from './metric-blocks.repository';
import type { MetricsTable } from './tracking.tables';

/**
 * SQL for metric values: the append-only history (`metrics`, an exact duplicate adds no row, as in
 * MLflow) and the latest value per run and key (`latest_metrics`, for runs/get and search).
 */
const chunk = 500;
const insertChunk = 1000;
const historyKey = ['run_uuid', 'key', 'step', 'timestamp', 'value', 'is_nan'] as const;
const metricColumns = ['run_uuid', 'key', 'step', 'timestamp', 'value', 'is_nan', 'model_id', 'dataset_name', 'dataset_digest'] as const;

/**
 * `insert into metrics … values (…), … on conflict …` for `rows` rows, written out (see
 * placeholders.ts): `new` adds values and returns those it added, `link` only gives existing
 * values a model or dataset link. The text is kept per dialect, mode and row count (a full chunk
 * is the common case); SQLite's statement cache then keeps the prepared statement.
 */
const insertSqlCache = new Map<string, string>();
const insertSqlCacheSize = 16;

function metricInsertSql(dialect: Dialect, mode: 'new' | 'link', rows: number): string {
  const cacheKey = `${dialect}:${mode}:${rows}`;
  const cached = insertSqlCache.get(cacheKey);
  if (cached) return cached;
  const columns = metricColumns.length;
  const tuples = Array.from({ length: rows }, (_, row) => `(${placeholders(dialect, columns, row * columns).join(',')})`);
  const insert = `insert into metrics (${metricColumns.join(', ')}) values ${tuples.join(',')} on conflict (${historyKey.join(', ')})`;
  // An exact duplicate adds nothing, except that MLflow 3 re-logs a run's metrics with the
  // logged model's id once the model exists: the existing value then gains that link.
  const text = mode === 'new'
    ? `${insert} do nothing returning ${historyKey.join(', ')}`
    : `${insert} do update set
      model_id = coalesce(metrics.model_id, excluded.model_id),
      dataset_name = coalesce(metrics.dataset_name, excluded.dataset_name),
      dataset_digest = coalesce(metrics.dataset_digest, excluded.dataset_digest)`;
  if (insertSqlCache.size >= insertSqlCacheSize) insertSqlCache.clear();
  insertSqlCache.set(cacheKey, text);
  return text;
}

/** The rows' values in column order, one flat list for the statement's placeholders. */
function insertParameters(rows: readonly MetricsTable[]): unknown[] {
  const parameters: unknown[] = [];
  for (const row of rows) {
    parameters.push(row.run_uuid, row.key, row.step, row.timestamp, row.value, row.is_nan, row.model_id, row.dataset_name, row.dataset_digest);
  }
  return parameters;
}

/**
 * The rows without exact repeats (same key, step, timestamp, value, NaN-ness), the last one
 * winning: PostgreSQL refuses an upsert that touches one row twice. Rows are grouped by key and
 * step first, so numbers are compared rather than turned into strings.
 */
function withoutRepeats(input: readonly MetricsTable[]): MetricsTable[] {
  const rows: MetricsTable[] = [];
  const atKeyAndStep = new Map<string, number[]>();
  for (const row of input) {
    const id = `${row.key}\u0000${row.step}`;
    const positions = atKeyAndStep.get(id);
    const repeat = positions?.find((at) => {
      const other = rows[at] as MetricsTable;
      return other.timestamp === row.timestamp && other.value === row.value && other.is_nan === row.is_nan;
    });
    if (repeat !== undefined) {
      rows[repeat] = row;
    } else {
      if (positions) positions.push(rows.length);
      else atKeyAndStep.set(id, [rows.length]);
      rows.push(row);
    }
  }
  return rows;
}

export async function insertMetricRows(tx: Db, dialect: Dialect, input: readonly MetricsTable[]) {
  const rows = withoutRepeats(input);
  for (let start = 0; start < rows.length; start += insertChunk) {
    const slice = rows.slice(start, start + insertChunk);
    const inserted = await tx.executeQuery<InsertedValue>(CompiledQuery.raw(metricInsertSql(dialect, 'new', slice.length), insertParameters(slice)));
    if (inserted.rows.length < slice.length) {
      const linked = slice.filter((row) => row.model_id !== null || row.dataset_name !== null || row.dataset_digest !== null);
      if (linked.length > 0) await tx.executeQuery(CompiledQuery.raw(metricInsertSql(dialect, 'link', linked.length), insertParameters(linked)));
    }
    // Only values that are new reach the block summaries: an exact duplicate adds nothing.
    await recordMetricBlocks(tx, inserted.rows);
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
