import { type Kysely, sql } from 'kysely';
import { isPostgres } from './kit';

/**
 * SQLite: the metric history becomes a WITHOUT ROWID table clustered on its primary key (run,
 * key, step, timestamp, value, is_nan). As a rowid table every value was stored twice, once in
 * the table and once in the primary-key index, and each insert wrote both b-trees; now it is one
 * b-tree in history order, so log-batch writes half as many pages and history reads are range
 * reads of the table itself. PostgreSQL keeps its heap plus primary-key index (it has no
 * clustered tables), so nothing changes there.
 */
async function rebuild(db: Kysely<any>, withoutRowid: boolean): Promise<void> {
  await db.schema
    .createTable('metrics_rebuilt')
    .addColumn('run_uuid', 'text', (c) => c.notNull().references('runs.run_uuid').onDelete('cascade'))
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('step', 'bigint', (c) => c.notNull())
    .addColumn('timestamp', 'bigint', (c) => c.notNull())
    .addColumn('value', 'double precision', (c) => c.notNull())
    .addColumn('is_nan', 'integer', (c) => c.notNull())
    .addColumn('model_id', 'text')
    .addColumn('dataset_name', 'text')
    .addColumn('dataset_digest', 'text')
    .addPrimaryKeyConstraint('metrics_pk', ['run_uuid', 'key', 'step', 'timestamp', 'value', 'is_nan'])
    .$call((table) => (withoutRowid ? table.modifyEnd(sql`without rowid`) : table))
    .execute();
  await sql`insert into metrics_rebuilt select run_uuid, key, step, timestamp, value, is_nan, model_id, dataset_name, dataset_digest from metrics`.execute(db);
  await db.schema.dropTable('metrics').execute();
  await db.schema.alterTable('metrics_rebuilt').renameTo('metrics').execute();
}

export async function up(db: Kysely<any>): Promise<void> {
  if (!isPostgres(db)) await rebuild(db, true);
}

export async function down(db: Kysely<any>): Promise<void> {
  if (!isPostgres(db)) await rebuild(db, false);
}
