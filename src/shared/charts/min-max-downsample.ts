/**
 * Min/max-per-bucket downsampling of a metric history. Each bucket keeps its lowest and highest
 * finite value, so a one-step spike survives however many points are dropped; a bucket holding
 * NaN or an infinity also yields a gap (y = null) so charts break the line there.
 */
export type Point = [x: number, y: number | null];

/** What one bucket holds; the server computes these in SQL, `bucketize` in memory. */
export interface BucketAggregate {
  index: number;
  /** First and last x in the bucket. */
  xFirst: number;
  xLast: number;
  /** Lowest and highest finite y, or null when the bucket holds no finite value. */
  yMin: number | null;
  yMax: number | null;
  count: number;
  nonFinite: number;
}

/** Which of `buckets` equal-width buckets over [xMin, xMax] holds x (integer arithmetic, as in SQL). */
export function bucketOf(x: number, xMin: number, xMax: number, buckets: number): number {
  const span = xMax - xMin + 1;
  return Math.floor(((x - xMin) * buckets) / span);
}

/**
 * Points from bucket aggregates in x order: one point for a single-value bucket, else min and max
 * at the bucket's first and last x, ordered to continue from the previous bucket (or to lead into
 * the next one) so a falling loss stays a falling line, not a saw; plus a null at the bucket's
 * first x when it held non-finite values.
 */
export function assembleBuckets(aggregates: readonly BucketAggregate[]): Point[] {
  const points: Point[] = [];
  let previous: number | null = null;
  const sorted = [...aggregates].sort((a, b) => a.index - b.index);
  sorted.forEach((bucket, i) => {
    if (bucket.nonFinite > 0) {
      points.push([bucket.xFirst, null]);
      previous = null;
    }
    if (bucket.yMin === null || bucket.yMax === null) return;
    if (bucket.count - bucket.nonFinite === 1 || bucket.yMin === bucket.yMax) {
      points.push([bucket.xLast, bucket.yMin]);
      previous = bucket.yMin;
      return;
    }
    const fallFirst = previous !== null ? closer(previous, bucket.yMax, bucket.yMin) : closer(middleOf(sorted[i + 1]), bucket.yMin, bucket.yMax);
    const [first, second] = fallFirst ? [bucket.yMax, bucket.yMin] : [bucket.yMin, bucket.yMax];
    points.push([bucket.xFirst, first], [bucket.xLast, second]);
    previous = second;
  });
  return points;
}

/** Whether `a` is nearer to `target` than `b` (false without a target). */
function closer(target: number | null, a: number, b: number): boolean {
  return target !== null && Math.abs(target - a) < Math.abs(target - b);
}

function middleOf(bucket: BucketAggregate | undefined): number | null {
  return bucket && bucket.yMin !== null && bucket.yMax !== null ? (bucket.yMin + bucket.yMax) / 2 : null;
}

/** In-memory bucketing of raw `[x, y]` points (y may be NaN or ±Infinity), x ascending. */
export function bucketize(points: ReadonlyArray<readonly [number, number]>, buckets: number): BucketAggregate[] {
  if (points.length === 0) return [];
  const xMin = points[0]![0];
  const xMax = points[points.length - 1]![0];
  const byIndex = new Map<number, BucketAggregate>();
  for (const [x, y] of points) {
    const index = bucketOf(x, xMin, xMax, buckets);
    let bucket = byIndex.get(index);
    if (!bucket) {
      bucket = { index, xFirst: x, xLast: x, yMin: null, yMax: null, count: 0, nonFinite: 0 };
      byIndex.set(index, bucket);
    }
    bucket.xLast = x;
    bucket.count += 1;
    if (!Number.isFinite(y)) {
      bucket.nonFinite += 1;
      continue;
    }
    bucket.yMin = bucket.yMin === null ? y : Math.min(bucket.yMin, y);
    bucket.yMax = bucket.yMax === null ? y : Math.max(bucket.yMax, y);
  }
  return [...byIndex.values()];
}

/**
 * Merges finer aggregates (block summaries) into `buckets` equal-width buckets over [xMin, xMax],
 * each placed by its first x: counts add up, min and max carry over, so spikes survive.
 */
export function mergeAggregates(parts: readonly BucketAggregate[], xMin: number, xMax: number, buckets: number): BucketAggregate[] {
  const byIndex = new Map<number, BucketAggregate>();
  for (const part of parts) {
    const index = bucketOf(part.xFirst, xMin, xMax, buckets);
    const bucket = byIndex.get(index);
    if (!bucket) {
      byIndex.set(index, { ...part, index });
      continue;
    }
    bucket.xFirst = Math.min(bucket.xFirst, part.xFirst);
    bucket.xLast = Math.max(bucket.xLast, part.xLast);
    bucket.yMin = bucket.yMin === null ? part.yMin : part.yMin === null ? bucket.yMin : Math.min(bucket.yMin, part.yMin);
    bucket.yMax = bucket.yMax === null ? part.yMax : part.yMax === null ? bucket.yMax : Math.max(bucket.yMax, part.yMax);
    bucket.count += part.count;
    bucket.nonFinite += part.nonFinite;
  }
  return [...byIndex.values()];
}

/** Downsamples raw points to at most `maxPoints` (plus gap markers); short series pass through. */
export function minMaxDownsample(points: ReadonlyArray<readonly [number, number]>, maxPoints: number): Point[] {
  if (points.length <= maxPoints) return points.map(([x, y]) => [x, Number.isFinite(y) ? y : null]);
  return assembleBuckets(bucketize(points, Math.max(1, Math.floor(maxPoints / 2))));
}
