import { type Kysely, sql } from 'kysely';
import { autoId, isPostgres } from './kit';

/**
 * Metric histories get a number: `metric_series` maps (run, key) to a small integer and `metrics`
 * rows carry it instead of the 32-character run id and the key. A row shrinks from ~70 to ~30
 * bytes, so a 100,000-step history spans less than half the pages: bulk-interval sampling
 * (a seek per sampled step) and log-batch appends touch half as many, and each key comparison is
 * an integer's. SQLite keeps the history clustered (WITHOUT ROWID) on its primary key. Deleting a
 * run deletes its series, which deletes their values. latest_metrics and metric_blocks keep
 * naming run and key: search and the charts' summaries read them by those.
 */
async function createSeries(db: Kysely<any>): Promise<void> {
  const id = autoId(db);
  await db.schema
    .createTable('metric_series')
    .addColumn('series_id', id.type, id.build)
    .addColumn('run_uuid', 'text', (c) => c.notNull().references('runs.run_uuid').onDelete('cascade'))
    .addColumn('key', 'text', (c) => c.notNull())
    .addUniqueConstraint('metric_series_run_key', ['run_uuid', 'key'])
    .execute();
  await sql`insert into metric_series (run_uuid, key) select distinct run_uuid, key from metrics order by run_uuid, key`.execute(db);
}

export async function up(db: Kysely<any>): Promise<void> {
  await createSeries(db);
  await db.schema
    .createTable('metric_values')
    .addColumn('series_id', 'bigint', (c) => c.notNull().references('metric_series.series_id').onDelete('cascade'))
    .addColumn('step', 'bigint', (c) => c.notNull())
    .addColumn('timestamp', 'bigint', (c) => c.notNull())
    .addColumn('value', 'double precision', (c) => c.notNull())
    .addColumn('is_nan', 'integer', (c) => c.notNull())
    .addColumn('model_id', 'text')
    .addColumn('dataset_name', 'text')
    .addColumn('dataset_digest', 'text')
    .addPrimaryKeyConstraint('metric_values_pk', ['series_id', 'step', 'timestamp', 'value', 'is_nan'])
    .$call((table) => (isPostgres(db) ? table : table.modifyEnd(sql`without rowid`)))
    .execute();
  // In key order, so SQLite appends to its b-tree rather than inserting all over it.
  await sql`insert into metric_values (series_id, step, timestamp, value, is_nan, model_id, dataset_name, dataset_digest)
    select s.series_id, m.step, m.timestamp, m.value, m.is_nan, m.model_id, m.dataset_name, m.dataset_digest
    from metrics as m join metric_series as s on s.run_uuid = m.run_uuid and s.key = m.key
    order by s.series_id, m.step, m.timestamp, m.value, m.is_nan`.execute(db);
  await db.schema.dropTable('metrics').execute();
  await db.schema.alterTable('metric_values').renameTo('metrics').execute();
  if (isPostgres(db)) await sql`analyze metric_series, metrics`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('metric_rows')
    .addColumn('run_uuid', 'text', (c) => c.notNull().references('runs.run_uuid').onDelete('cascade'))
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('step', 'bigint', (c) => c.notNull())
    .addColumn('timestamp', 'bigint', (c) => c.notNull())
    .addColumn('value', 'double precision', (c) => c.notNull())
    .addColumn('is_nan', 'integer', (c) => c.notNull())
    .addColumn('model_id', 'text')
    .addColumn('dataset_name', 'text')
    .addColumn('dataset_digest', 'text')
    .addPrimaryKeyConstraint('metric_rows_pk', ['run_uuid', 'key', 'step', 'timestamp', 'value', 'is_nan'])
    .$call((table) => (isPostgres(db) ? table : table.modifyEnd(sql`without rowid`)))
    .execute();
  await sql`insert into metric_rows select s.run_uuid, s.key, m.step, m.timestamp, m.value, m.is_nan, m.model_id, m.dataset_name, m.dataset_digest
    from metrics as m join metric_series as s on s.series_id = m.series_id`.execute(db);
  await db.schema.dropTable('metrics').execute();
  await db.schema.dropTable('metric_series').execute();
  await db.schema.alterTable('metric_rows').renameTo('metrics').execute();
}
