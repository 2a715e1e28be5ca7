import { sql } from 'kysely';
import type { Db } from '../../db/database';
import type { MetricBlocksTable } from './tracking.tables';

/**
 * Block summaries of metric histories (table metric_blocks): per run, key and block of
 * `block_size` consecutive steps, the count, step and time extents, the lowest and highest
 * finite value and how many values were NaN or infinite. Charts of long histories merge these
 * instead of reading every value; min and max survive merging, so spikes do too.
 *
 * Every writer of `metrics` records here the values it actually inserted (an exact duplicate,
 * which adds no history row, must not be counted twice).
 */
export const metricBlockSizes = [16, 256, 4096] as const;

/** A value as inserted into `metrics` (numbers may arrive as strings from PostgreSQL bigints). */
export interface InsertedValue {
  run_uuid: string;
  key: string;
  step: number | string;
  timestamp: number | string;
  value: number | string;
  is_nan: number | string;
}

const chunk = 500;
const larger = (column: keyof MetricBlocksTable) => sql<number>`case when excluded.${sql.ref(column)} > metric_blocks.${sql.ref(column)} then excluded.${sql.ref(column)} else metric_blocks.${sql.ref(column)} end`;
const smaller = (column: keyof MetricBlocksTable) => sql<number>`case when excluded.${sql.ref(column)} < metric_blocks.${sql.ref(column)} then excluded.${sql.ref(column)} else metric_blocks.${sql.ref(column)} end`;
/** As `smaller`/`larger`, where null means "no finite value yet". */
const nullable = (column: 'value_min' | 'value_max', op: '<' | '>') =>
  sql<number | null>`case when metric_blocks.${sql.ref(column)} is null or excluded.${sql.ref(column)} ${sql.raw(op)} metric_blocks.${sql.ref(column)} then excluded.${sql.ref(column)} else metric_blocks.${sql.ref(column)} end`;

/** The block summaries of `values`, one per run, key, size and block. */
export function summarizeBlocks(values: readonly InsertedValue[]): MetricBlocksTable[] {
  const blocks = new Map<string, MetricBlocksTable>();
  for (const row of values) {
    const step = Number(row.step);
    const time = Number(row.timestamp);
    const value = Number(row.value);
    const finite = Number(row.is_nan) === 0 && Number.isFinite(value);
    for (const size of metricBlockSizes) {
      const index = Math.floor(step / size);
      const id = `${size}\u0000${index}\u0000${row.key}\u0000${row.run_uuid}`;
      let block = blocks.get(id);
      if (!block) {
        block = { run_uuid: row.run_uuid, key: row.key, block_size: size, block_index: index, step_min: step, step_max: step, time_min: time, time_max: time, value_min: null, value_max: null, value_count: 0, non_finite: 0 };
        blocks.set(id, block);
      }
      block.step_min = Math.min(block.step_min, step);
      block.step_max = Math.max(block.step_max, step);
      block.time_min = Math.min(block.time_min, time);
      block.time_max = Math.max(block.time_max, time);
      block.value_count += 1;
      if (!finite) {
        block.non_finite += 1;
        continue;
      }
      block.value_min = block.value_min === null ? value : Math.min(block.value_min, value);
      block.value_max = block.value_max === null ? value : Math.max(block.value_max, value);
    }
  }
  return [...blocks.values()];
}

/** Adds newly inserted history values to their blocks (in the caller's transaction). */
export async function recordMetricBlocks(tx: Db, inserted: readonly InsertedValue[]): Promise<void> {
  const blocks = summarizeBlocks(inserted);
  for (let start = 0; start < blocks.length; start += chunk) {
    await tx
      .insertInto('metric_blocks')
      .values(blocks.slice(start, start + chunk))
      .onConflict((conflict) =>
        conflict.columns(['run_uuid', 'key', 'block_size', 'block_index']).doUpdateSet({
          step_min: smaller('step_min'),
          step_max: larger('step_max'),
          time_min: smaller('time_min'),
          time_max: larger('time_max'),
          value_min: nullable('value_min', '<'),
          value_max: nullable('value_max', '>'),
          value_count: sql`metric_blocks.value_count + excluded.value_count`,
          non_finite: sql`metric_blocks.non_finite + excluded.non_finite`,
        }),
      )
      .execute();
  }
}
