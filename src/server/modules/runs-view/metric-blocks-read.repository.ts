import { type BucketAggregate, mergeAggregates } from '../../../shared/charts/min-max-downsample';
import type { XAxis } from '../../../shared/contract/metric-history';
import type { Db } from '../../db/database';
import { metricBlockSizes } from '../tracking/metric-blocks.repository';
import type { MetricBlocksTable } from '../tracking/tracking.tables';

/** Reads of tracking's block summaries of metric histories (metric_blocks) for charts. */
export interface SeriesExtent {
  runId: string;
  key: string;
  count: number;
  nonFinite: number;
  stepMin: number;
  stepMax: number;
  timeMin: number;
  timeMax: number;
}

type Block = Pick<MetricBlocksTable, 'block_index' | 'step_min' | 'step_max' | 'time_min' | 'time_max' | 'value_min' | 'value_max' | 'value_count' | 'non_finite'>;

export const seriesId = (runId: string, key: string) => `${runId}\u0000${key}`;
const coarsest = metricBlockSizes[metricBlockSizes.length - 1]!;

/** Count, extents and non-finite count of each (run, key) history, from its coarsest blocks. */
export async function seriesExtents(db: Db, runIds: readonly string[], keys: readonly string[]): Promise<SeriesExtent[]> {
  if (runIds.length === 0 || keys.length === 0) return [];
  const rows = await db
    .selectFrom('metric_blocks')
    .select((eb) => [
      'run_uuid',
      'key',
      eb.fn.sum<number | string>('value_count').as('count'),
      eb.fn.sum<number | string>('non_finite').as('non_finite'),
      eb.fn.min('step_min').as('step_min'),
      eb.fn.max('step_max').as('step_max'),
      eb.fn.min('time_min').as('time_min'),
      eb.fn.max('time_max').as('time_max'),
    ])
    .where('run_uuid', 'in', [...runIds])
    .where('key', 'in', [...keys])
    .where('block_size', '=', coarsest)
    .groupBy(['run_uuid', 'key'])
    .execute();
  return rows.map((row) => ({
    runId: row.run_uuid,
    key: row.key,
    count: Number(row.count),
    nonFinite: Number(row.non_finite),
    stepMin: Number(row.step_min),
    stepMax: Number(row.step_max),
    timeMin: Number(row.time_min),
    timeMax: Number(row.time_max),
  }));
}

/**
 * The coarsest block size that still cuts the series' steps into at least half as many blocks as
 * there are buckets (so the chart keeps at least half its resolution), or undefined: too few
 * steps for blocks to help (e.g. values logged without steps), read the values instead.
 */
export function blockSizeFor(extent: SeriesExtent, buckets: number): number | undefined {
  const span = extent.stepMax - extent.stepMin + 1;
  return [...metricBlockSizes].reverse().find((size) => span / size >= buckets / 2);
}

/** The blocks of each planned series (one read per block size), in step order. */
export async function readBlocks(db: Db, planned: ReadonlyArray<{ extent: SeriesExtent; size: number | undefined }>): Promise<Map<string, Block[]>> {
  const bySeries = new Map<string, Block[]>();
  for (const size of metricBlockSizes) {
    const series = planned.filter((plan) => plan.size === size).map((plan) => plan.extent);
    if (series.length === 0) continue;
    const wanted = new Set(series.map((s) => seriesId(s.runId, s.key)));
    const rows = await db
      .selectFrom('metric_blocks')
      .select(['run_uuid', 'key', 'block_index', 'step_min', 'step_max', 'time_min', 'time_max', 'value_min', 'value_max', 'value_count', 'non_finite'])
      .where('run_uuid', 'in', [...new Set(series.map((s) => s.runId))])
      .where('key', 'in', [...new Set(series.map((s) => s.key))])
      .where('block_size', '=', size)
      .orderBy('run_uuid')
      .orderBy('key')
      .orderBy('block_index')
      .execute();
    for (const { run_uuid: runId, key, ...block } of rows) {
      const id = seriesId(runId, key);
      if (!wanted.has(id)) continue;
      let blocks = bySeries.get(id);
      if (!blocks) bySeries.set(id, (blocks = []));
      blocks.push(block);
    }
  }
  return bySeries;
}

/**
 * Bucket aggregates merged from a series' blocks, or undefined when wall time does not rise
 * with the step (blocks would overlap on a time axis).
 */
export function mergeBlocks(blocks: readonly Block[], xAxis: XAxis, xMin: number, xMax: number, buckets: number): BucketAggregate[] | undefined {
  const byTime = xAxis !== 'step';
  const parts: BucketAggregate[] = [];
  let previousEnd = Number.NEGATIVE_INFINITY;
  for (const block of blocks) {
    const [first, last] = byTime ? [Number(block.time_min), Number(block.time_max)] : [Number(block.step_min), Number(block.step_max)];
    if (first < previousEnd) return undefined;
    previousEnd = last;
    parts.push({
      index: 0,
      xFirst: first,
      xLast: last,
      yMin: block.value_min === null ? null : Number(block.value_min),
      yMax: block.value_max === null ? null : Number(block.value_max),
      count: Number(block.value_count),
      nonFinite: Number(block.non_finite),
    });
  }
  return mergeAggregates(parts, xMin, xMax, buckets);
}
