import type { Kysely } from 'kysely';
import { sql } from './kit';

/**
 * Summaries of metric histories in blocks of 16, 256 and 4,096 consecutive steps: count, step and
 * time extents, lowest and highest finite value, non-finite count. A chart of a 100,000-step
 * history then reads a few hundred block rows instead of every value, and min/max per bucket
 * still keeps every spike. Writers maintain them with each inserted value (tracking's
 * metric-blocks repository); this migration fills them for histories logged before it.
 */
const blockSizes = [16, 256, 4096];

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('metric_blocks')
    .addColumn('run_uuid', 'text', (c) => c.notNull().references('runs.run_uuid').onDelete('cascade'))
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('block_size', 'integer', (c) => c.notNull())
    .addColumn('block_index', 'bigint', (c) => c.notNull())
    .addColumn('step_min', 'bigint', (c) => c.notNull())
    .addColumn('step_max', 'bigint', (c) => c.notNull())
    .addColumn('time_min', 'bigint', (c) => c.notNull())
    .addColumn('time_max', 'bigint', (c) => c.notNull())
    .addColumn('value_min', 'double precision')
    .addColumn('value_max', 'double precision')
    .addColumn('value_count', 'bigint', (c) => c.notNull())
    .addColumn('non_finite', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('metric_blocks_pk', ['run_uuid', 'key', 'block_size', 'block_index'])
    .execute();

  // Finite: not NaN and within double range (±Infinity compare beyond it on both dialects).
  const finite = sql`(is_nan = 0 and value <= 1.7e308 and value >= -1.7e308)`;
  for (const size of blockSizes) {
    // Floor division on both dialects (integer division truncates towards zero for negative steps).
    const block = sql`(step - ((step % ${sql.lit(size)}) + ${sql.lit(size)}) % ${sql.lit(size)}) / ${sql.lit(size)}`;
    await sql`insert into metric_blocks (run_uuid, key, block_size, block_index, step_min, step_max, time_min, time_max, value_min, value_max, value_count, non_finite)
      select run_uuid, key, ${sql.lit(size)}, ${block}, min(step), max(step), min(timestamp), max(timestamp),
        min(case when ${finite} then value end), max(case when ${finite} then value end),
        count(*), sum(case when ${finite} then 0 else 1 end)
      from metrics group by run_uuid, key, ${block}`.execute(db);
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('metric_blocks').execute();
}
