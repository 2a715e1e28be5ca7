import { CompiledQuery } from 'kysely';
import { type Db, type Dialect, dialectOf } from '../../db/database';
import { placeholders } from '../../db/placeholders';
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
const blockColumns = ['run_uuid', 'key', 'block_size', 'block_index', 'step_min', 'step_max', 'time_min', 'time_max', 'value_min', 'value_max', 'value_count', 'non_finite'] as const;
const pick = (op: '<' | '>', column: string) => `case when excluded.${column} ${op} metric_blocks.${column} then excluded.${column} else metric_blocks.${column} end`;
/** As `pick`, where null means "no finite value yet". */
const pickNullable = (op: '<' | '>', column: string) =>
  `case when metric_blocks.${column} is null or excluded.${column} ${op} metric_blocks.${column} then excluded.${column} else metric_blocks.${column} end`;
const mergeBlock = `on conflict (run_uuid, key, block_size, block_index) do update set
  step_min = ${pick('<', 'step_min')}, step_max = ${pick('>', 'step_max')},
  time_min = ${pick('<', 'time_min')}, time_max = ${pick('>', 'time_max')},
  value_min = ${pickNullable('<', 'value_min')}, value_max = ${pickNullable('>', 'value_max')},
  value_count = metric_blocks.value_count + excluded.value_count, non_finite = metric_blocks.non_finite + excluded.non_finite`;

/**
 * `insert into metric_blocks … on conflict … do update` for `rows` blocks, written out (see
 * placeholders.ts): through the query builder, compiling a batch's ~100 blocks cost more than
 * writing them. Kept per dialect and row count.
 */
const upsertSqlCache = new Map<string, string>();

function upsertSql(dialect: Dialect, rows: number): string {
  const cacheKey = `${dialect}:${rows}`;
  const cached = upsertSqlCache.get(cacheKey);
  if (cached) return cached;
  const columns = blockColumns.length;
  const tuples = Array.from({ length: rows }, (_, row) => `(${placeholders(dialect, columns, row * columns).join(',')})`);
  const text = `insert into metric_blocks (${blockColumns.join(', ')}) values ${tuples.join(',')} ${mergeBlock}`;
  if (upsertSqlCache.size >= 64) upsertSqlCache.clear();
  upsertSqlCache.set(cacheKey, text);
  return text;
}

/** One history's blocks of each size, by block index. */
type SeriesBlocks = Array<Map<number, MetricBlocksTable>>;

/** The block summaries of `values`, one per run, key, size and block. */
export function summarizeBlocks(values: readonly InsertedValue[]): MetricBlocksTable[] {
  // By run, then key: the strings a value carries find its history without building one per value.
  const histories = new Map<string, Map<string, SeriesBlocks>>();
  const all: MetricBlocksTable[] = [];
  for (const row of values) {
    let keys = histories.get(row.run_uuid);
    if (!keys) histories.set(row.run_uuid, (keys = new Map()));
    let series = keys.get(row.key);
    if (!series) keys.set(row.key, (series = metricBlockSizes.map(() => new Map())));
    const step = Number(row.step);
    const time = Number(row.timestamp);
    const value = Number(row.value);
    const finite = Number(row.is_nan) === 0 && Number.isFinite(value);
    for (let s = 0; s < metricBlockSizes.length; s++) {
      const size = metricBlockSizes[s] as number;
      const index = Math.floor(step / size);
      const blocks = series[s] as Map<number, MetricBlocksTable>;
      let block = blocks.get(index);
      if (!block) {
        block = { run_uuid: row.run_uuid, key: row.key, block_size: size, block_index: index, step_min: step, step_max: step, time_min: time, time_max: time, value_min: null, value_max: null, value_count: 0, non_finite: 0 };
        blocks.set(index, block);
        all.push(block);
      }
      if (step < block.step_min) block.step_min = step;
      if (step > block.step_max) block.step_max = step;
      if (time < block.time_min) block.time_min = time;
      if (time > block.time_max) block.time_max = time;
      block.value_count += 1;
      if (!finite) {
        block.non_finite += 1;
        continue;
      }
      if (block.value_min === null || value < block.value_min) block.value_min = value;
      if (block.value_max === null || value > block.value_max) block.value_max = value;
    }
  }
  return all;
}

/** Adds newly inserted history values to their blocks (in the caller's transaction). */
export async function recordMetricBlocks(tx: Db, inserted: readonly InsertedValue[]): Promise<void> {
  const blocks = summarizeBlocks(inserted);
  const dialect = dialectOf(tx);
  for (let start = 0; start < blocks.length; start += chunk) {
    const slice = blocks.slice(start, start + chunk);
    const parameters: unknown[] = [];
    for (const b of slice) {
      parameters.push(b.run_uuid, b.key, b.block_size, b.block_index, b.step_min, b.step_max, b.time_min, b.time_max, b.value_min, b.value_max, b.value_count, b.non_finite);
    }
    await tx.executeQuery(CompiledQuery.raw(upsertSql(dialect, slice.length), parameters));
  }
}
