import { sql } from 'kysely';
import type { MetricSeries, XAxis } from '../../../shared/contract/metric-history';
import { type BucketAggregate, assembleBuckets } from '../../../shared/charts/min-max-downsample';
import { blockSizeFor, mergeBlocks, readBlocks, seriesExtents, seriesId } from './metric-blocks-read.repository';
import type { Db } from '../../db/database';

/**
 * Values travel to 7 significant digits: a chart's pixels and its tooltip (5 digits) show no more,
 * and full doubles (17 digits) were half the bytes of 20 runs' histories.
 */
const chartPrecision = (y: number) => Number(y.toPrecision(7));

/** Largest magnitude counted as finite; ±Infinity compare beyond it on both dialects. */
const finiteBound = 1.7e308;

interface SeriesRequest {
  runIds: readonly string[];
  metrics: readonly string[];
  xAxis: XAxis;
  maxPoints: number;
}

/**
 * Downsampled histories. Extents come from the coarsest block summaries (metric_blocks, a few rows
 * per series); a long series is then merged from the block summaries of the coarsest size that
 * still gives every other bucket a block, so 100,000 logged steps cost a few hundred rows and
 * travel as at most `maxPoints` points. Short series are read raw; a series whose blocks cannot
 * place it on the x axis (too few steps, or wall time not rising with the step) is aggregated
 * from its values by the database.
 */
export async function metricHistories(db: Db, request: SeriesRequest): Promise<MetricSeries[]> {
  const starts = new Map(
    (await db.selectFrom('runs').select(['run_uuid', 'start_time']).where('run_uuid', 'in', [...request.runIds]).execute()).map((r) => [r.run_uuid, Number(r.start_time)]),
  );
  const extents = await seriesExtents(db, [...starts.keys()], request.metrics);
  const buckets = Math.max(1, Math.floor(request.maxPoints / 2));
  const planned = extents.map((extent) => ({ extent, size: extent.count > request.maxPoints ? blockSizeFor(extent, buckets) : undefined }));
  const blocks = await readBlocks(db, planned);
  const series = await Promise.all(
    planned.map(async ({ extent, size }) => {
      const offset = request.xAxis === 'relative' ? (starts.get(extent.runId) ?? 0) : 0;
      const [xMin, xMax] = request.xAxis === 'step' ? [extent.stepMin, extent.stepMax] : [extent.timeMin, extent.timeMax];
      const downsampled = extent.count > request.maxPoints;
      const summaries = size === undefined ? undefined : blocks.get(seriesId(extent.runId, extent.key));
      const aggregates =
        (summaries && mergeBlocks(summaries, request.xAxis, xMin, xMax, buckets)) ??
        (await readBuckets(db, request.xAxis, extent.runId, extent.key, xMin, xMax, downsampled ? buckets : 0));
      const points = assembleBuckets(aggregates);
      return {
        runId: extent.runId,
        key: extent.key,
        rawCount: extent.count,
        nonFiniteCount: extent.nonFinite,
        downsampled,
        xs: points.map(([x]) => x - offset),
        ys: points.map(([, y]) => (y === null ? null : chartPrecision(y))),
      };
    }),
  );
  const rank = (s: MetricSeries) => request.runIds.indexOf(s.runId) * request.metrics.length + request.metrics.indexOf(s.key);
  return series.sort((a, b) => rank(a) - rank(b));
}

/** The first `limit` metric keys the runs logged, in name order (their latest values name them). */
export async function loggedMetricKeys(db: Db, runIds: readonly string[], limit: number): Promise<string[]> {
  const rows = await db.selectFrom('latest_metrics').select('key').distinct().where('run_uuid', 'in', [...runIds]).orderBy('key').limit(limit).execute();
  return rows.map((row) => row.key);
}

/**
 * Bucket aggregates of one series. With `buckets` 0 every point is its own bucket (raw read).
 * Bucket index = floor((x - min) * buckets / (max - min + 1)): SQLite binds numbers as REAL, so the
 * cast truncates (x ≥ min, so truncation is floor); PostgreSQL divides bigints already.
 */
async function readBuckets(db: Db, xAxis: XAxis, runId: string, key: string, xMin: number, xMax: number, buckets: number): Promise<BucketAggregate[]> {
  const x = sql.ref(xAxis === 'step' ? 'step' : 'timestamp');
  const finite = sql`is_nan = 0 and value <= ${finiteBound} and value >= ${-finiteBound}`;
  const index = buckets > 0 ? sql<number>`cast(((${x} - ${xMin}) * ${buckets}) / ${xMax - xMin + 1} as integer)` : sql<number>`${x}`;
  const rows = await db
    .selectFrom('metrics')
    .select([
      index.as('bucket'),
      sql<number>`min(${x})`.as('x_first'),
      sql<number>`max(${x})`.as('x_last'),
      sql<number | null>`min(case when ${finite} then value end)`.as('y_min'),
      sql<number | null>`max(case when ${finite} then value end)`.as('y_max'),
      sql<number>`count(*)`.as('count'),
      sql<number>`sum(case when ${finite} then 0 else 1 end)`.as('non_finite'),
    ])
    .where('series_id', '=', (eb) => eb.selectFrom('metric_series').select('series_id').where('run_uuid', '=', runId).where('key', '=', key))
    .groupBy(sql`1`)
    .orderBy(sql`1`)
    .execute();
  return rows.map((row) => ({
    index: Number(row.bucket),
    xFirst: Number(row.x_first),
    xLast: Number(row.x_last),
    yMin: row.y_min === null ? null : Number(row.y_min),
    yMax: row.y_max === null ? null : Number(row.y_max),
    count: Number(row.count),
    nonFinite: Number(row.non_finite),
  }));
}
