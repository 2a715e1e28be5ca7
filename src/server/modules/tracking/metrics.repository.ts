import { CompiledQuery, sql } from 'kysely';
import type { Db, Dialect } from '../../db/database';
import { placeholders } from '../../db/placeholders';
import { type InsertedValue, recordMetricBlocks } from './metric-blocks.repository';
import { type SeriesIds, ensureSeriesIds } from './metric-series.repository';
import type { MetricValue } from './tracking.tables';

/**
 * SQL for metric values: the append-only history (`metrics`, by series: see
 * metric-series.repository; an exact duplicate adds no row, as in MLflow) and the latest value
 * per run and key (`latest_metrics`, for runs/get and search).
 */
const chunk = 500;
const insertChunk = 1000;
const historyKey = ['series_id', 'step', 'timestamp', 'value', 'is_nan'] as const;
const metricColumns = ['series_id', 'step', 'timestamp', 'value', 'is_nan', 'model_id', 'dataset_name', 'dataset_digest'] as const;

/**
 * `insert into metrics … values (…), … on conflict …` for `rows` rows, written out (see
 * placeholders.ts): `new` adds values and returns those it added, `quiet` adds them without
 * returning any, `link` only gives existing values a model or dataset link. The text is kept per dialect, mode and row count (a full chunk
 * is the common case); SQLite's statement cache then keeps the prepared statement.
 */
const insertSqlCache = new Map<string, string>();
const insertSqlCacheSize = 16;

function metricInsertSql(dialect: Dialect, mode: 'new' | 'quiet' | 'link', rows: number): string {
  const cacheKey = `${dialect}:${mode}:${rows}`;
  const cached = insertSqlCache.get(cacheKey);
  if (cached) return cached;
  const columns = metricColumns.length;
  const tuples = Array.from({ length: rows }, (_, row) => `(${placeholders(dialect, columns, row * columns).join(',')})`);
  const insert = `insert into metrics (${metricColumns.join(', ')}) values ${tuples.join(',')} on conflict (${historyKey.join(', ')})`;
  // An exact duplicate adds nothing, except that MLflow 3 re-logs a run's metrics with the
  // logged model's id once the model exists: the existing value then gains that link.
  const text = mode === 'new' ? `${insert} do nothing returning ${historyKey.join(', ')}`
    : mode === 'quiet' ? `${insert} do nothing`
    : `${insert} do update set
      model_id = coalesce(metrics.model_id, excluded.model_id),
      dataset_name = coalesce(metrics.dataset_name, excluded.dataset_name),
      dataset_digest = coalesce(metrics.dataset_digest, excluded.dataset_digest)`;
  if (insertSqlCache.size >= insertSqlCacheSize) insertSqlCache.clear();
  insertSqlCache.set(cacheKey, text);
  return text;
}

/** The rows' values in column order, one flat list for the statement's placeholders. */
function insertParameters(rows: readonly MetricValue[], ids: SeriesIds): unknown[] {
  const parameters: unknown[] = [];
  for (const row of rows) {
    parameters.push(ids.get(row.run_uuid, row.key), row.step, row.timestamp, row.value, row.is_nan, row.model_id, row.dataset_name, row.dataset_digest);
  }
  return parameters;
}

/** A value `insert … returning` reports as added. */
interface AddedValue {
  series_id: number;
  step: number;
  timestamp: number;
  value: number;
  is_nan: number;
}

/**
 * The rows without exact repeats (same history, step, timestamp, value, NaN-ness), the last one
 * winning: PostgreSQL refuses an upsert that touches one row twice. Rows are grouped by series
 * and step first, so numbers are compared rather than turned into strings.
 */
function withoutRepeats(input: readonly MetricValue[], ids: SeriesIds): MetricValue[] {
  const rows: MetricValue[] = [];
  const atSeriesAndStep = new Map<number, Map<number, number[]>>();
  for (const row of input) {
    const series = ids.get(row.run_uuid, row.key) as number;
    let atStep = atSeriesAndStep.get(series);
    if (!atStep) atSeriesAndStep.set(series, (atStep = new Map()));
    const positions = atStep.get(row.step);
    const repeat = positions?.find((at) => {
      const other = rows[at] as MetricValue;
      return other.timestamp === row.timestamp && other.value === row.value && other.is_nan === row.is_nan;
    });
    if (repeat !== undefined) {
      rows[repeat] = row;
    } else {
      if (positions) positions.push(rows.length);
      else atStep.set(row.step, [rows.length]);
      rows.push(row);
    }
  }
  return rows;
}

const savepoint = CompiledQuery.raw('savepoint metric_values');
const release = CompiledQuery.raw('release metric_values');
const rollBack = CompiledQuery.raw('rollback to metric_values');

/**
 * SQLite: nearly every batch is all new values, and RETURNING them (a row object per value) cost
 * a third of the insert. So the chunk is first inserted without it, in a savepoint; only when
 * some value already existed (fewer rows added than sent) is that undone and the chunk inserted
 * again with RETURNING, to learn which. Returns undefined when every value was added.
 */
async function addedQuietly(tx: Db, slice: readonly MetricValue[], ids: SeriesIds): Promise<AddedValue[] | undefined> {
  await tx.executeQuery(savepoint);
  try {
    const result = await tx.executeQuery(CompiledQuery.raw(metricInsertSql('sqlite', 'quiet', slice.length), insertParameters(slice, ids)));
    if (Number(result.numAffectedRows) === slice.length) return undefined;
    await tx.executeQuery(rollBack);
    const inserted = await tx.executeQuery<AddedValue>(CompiledQuery.raw(metricInsertSql('sqlite', 'new', slice.length), insertParameters(slice, ids)));
    return inserted.rows;
  } finally {
    await tx.executeQuery(release);
  }
}

/** Appends values to their histories (numbering new ones) and to their block summaries. */
export async function insertMetricRows(tx: Db, dialect: Dialect, input: readonly MetricValue[]) {
  const ids = await ensureSeriesIds(tx, input);
  const rows = withoutRepeats(input, ids);
  for (let start = 0; start < rows.length; start += insertChunk) {
    const slice = rows.slice(start, start + insertChunk);
    const inserted =
      dialect === 'sqlite'
        ? await addedQuietly(tx, slice, ids)
        : (await tx.executeQuery<AddedValue>(CompiledQuery.raw(metricInsertSql(dialect, 'new', slice.length), insertParameters(slice, ids)))).rows;
    if (inserted === undefined) {
      await recordMetricBlocks(tx, slice);
      continue;
    }
    if (inserted.length < slice.length) {
      const linked = slice.filter((row) => row.model_id !== null || row.dataset_name !== null || row.dataset_digest !== null);
      if (linked.length > 0) await tx.executeQuery(CompiledQuery.raw(metricInsertSql(dialect, 'link', linked.length), insertParameters(linked, ids)));
    }
    // Only values that are new reach the block summaries: an exact duplicate adds nothing.
    const added: InsertedValue[] = inserted.map((row) => {
      const name = ids.name(Number(row.series_id));
      return { run_uuid: name.run_uuid, key: name.key, step: row.step, timestamp: row.timestamp, value: row.value, is_nan: row.is_nan };
    });
    await recordMetricBlocks(tx, added);
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

/** Values with the run and key of their history. */
const valuesWithNames = (db: Db) =>
  db
    .selectFrom('metrics as m')
    .innerJoin('metric_series as s', 's.series_id', 'm.series_id')
    .select(['s.run_uuid', 's.key', 'm.step', 'm.timestamp', 'm.value', 'm.is_nan', 'm.model_id', 'm.dataset_name', 'm.dataset_digest']);

/** One page of a metric's history, ordered by timestamp, step, value (as MLflow's SQL store). */
export async function metricHistoryRows(db: Db, runId: string, key: string, offset: number, limit: number) {
  return valuesWithNames(db)
    .where('s.run_uuid', '=', runId)
    .where('s.key', '=', key)
    .orderBy('m.timestamp')
    .orderBy('m.step')
    .orderBy('m.value')
    .limit(limit)
    .offset(offset)
    .execute();
}

/** Several runs' histories of one metric (the UI's get-history-bulk), by run, step, timestamp, value. */
export async function bulkMetricHistoryRows(db: Db, runIds: readonly string[], key: string, limit: number) {
  return valuesWithNames(db)
    .where('s.run_uuid', 'in', runIds)
    .where('s.key', '=', key)
    .orderBy('s.run_uuid')
    .orderBy('m.step')
    .orderBy('m.timestamp')
    .orderBy('m.value')
    .limit(limit)
    .execute();
}
