import { sql } from 'kysely';
import type { MetricSeries, XAxis } from '../../../shared/contract/metric-history';
import { type BucketAggregate, assembleBuckets } from '../../../shared/charts/min-max-downsample';
import type { Db } from '../../db/database';

/** Largest magnitude counted as finite; ±Infinity compare beyond it on both dialects. */
const finiteBound = 1.7e308;

interface SeriesRequest {
  runIds: readonly string[];
  metrics: readonly string[];
  xAxis: XAxis;
  maxPoints: number;
}

/**
 * Downsampled histories: per (run, metric) one indexed range read (metrics_pk starts with run,
 * key, step) that the database aggregates into min/max buckets, so 100,000 logged steps travel
 * as at most `maxPoints` points. Short series are read raw.
 */
export async function metricHistories(db: Db, request: SeriesRequest): Promise<MetricSeries[]> {
  const starts = new Map(
    (await db.selectFrom('runs').select(['run_uuid', 'start_time']).where('run_uuid', 'in', [...request.runIds]).execute()).map((r) => [r.run_uuid, Number(r.start_time)]),
  );
  const extents = await db
    .selectFrom('metrics')
    .select([
      'run_uuid',
      'key',
      (eb) => eb.fn.countAll<number>().as('count'),
      (eb) => eb.fn.min(request.xAxis === 'step' ? 'step' : 'timestamp').as('x_min'),
      (eb) => eb.fn.max(request.xAxis === 'step' ? 'step' : 'timestamp').as('x_max'),
      sql<number>`sum(case when is_nan = 1 or value > ${finiteBound} or value < ${-finiteBound} then 1 else 0 end)`.as('non_finite'),
    ])
    .where('run_uuid', 'in', [...starts.keys()])
    .where('key', 'in', [...request.metrics])
    .groupBy(['run_uuid', 'key'])
    .execute();
  const series = await Promise.all(
    extents.map(async (extent) => {
      const offset = request.xAxis === 'relative' ? (starts.get(extent.run_uuid) ?? 0) : 0;
      const count = Number(extent.count);
      const buckets = count > request.maxPoints ? Math.max(1, Math.floor(request.maxPoints / 2)) : 0;
      const aggregates = await readBuckets(db, request.xAxis, extent.run_uuid, extent.key, Number(extent.x_min), Number(extent.x_max), buckets);
      return {
        runId: extent.run_uuid,
        key: extent.key,
        rawCount: count,
        nonFiniteCount: Number(extent.non_finite),
        downsampled: buckets > 0,
        points: assembleBuckets(aggregates).map(([x, y]) => [x - offset, y] as [number, number | null]),
      };
    }),
  );
  const rank = (s: MetricSeries) => request.runIds.indexOf(s.runId) * request.metrics.length + request.metrics.indexOf(s.key);
  return series.sort((a, b) => rank(a) - rank(b));
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
    .where('run_uuid', '=', runId)
    .where('key', '=', key)
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
