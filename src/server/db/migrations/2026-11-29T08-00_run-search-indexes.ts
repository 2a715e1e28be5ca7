import type { Kysely } from 'kysely';

/**
 * Covering indexes for run search (section 4 of the MLflow reference) over large experiments.
 * - latest_metrics (experiment_id, key, is_nan, value, run_uuid): a metric filter or sort reads
 *   one index range in value order (NaN after numbers) and gets the run id without a table
 *   lookup, so `metrics.accuracy > 0.9 ... ORDER BY metrics.accuracy DESC LIMIT 100` stops early.
 * - params / run_tags (key, value, run_uuid): an equality or prefix filter finds its runs in the
 *   index alone.
 * They replace the narrower (experiment_id, key, value) and (key, value) indexes.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('latest_metrics_experiment_key_value').execute();
  await db.schema.createIndex('latest_metrics_search').on('latest_metrics').columns(['experiment_id', 'key', 'is_nan', 'value', 'run_uuid']).execute();
  for (const table of ['params', 'run_tags']) {
    await db.schema.dropIndex(`${table}_key_value`).execute();
    await db.schema.createIndex(`${table}_search`).on(table).columns(['key', 'value', 'run_uuid']).execute();
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['params', 'run_tags']) {
    await db.schema.dropIndex(`${table}_search`).execute();
    await db.schema.createIndex(`${table}_key_value`).on(table).columns(['key', 'value']).execute();
  }
  await db.schema.dropIndex('latest_metrics_search').execute();
  await db.schema.createIndex('latest_metrics_experiment_key_value').on('latest_metrics').columns(['experiment_id', 'key', 'value']).execute();
}
