import type { LatencyWindow, Resolution } from '../../../shared/contract/monitoring';
import type { Db } from '../../db/database';
import { mergeSketch, newLatencySketch, percentilesOf } from './latency-sketch';
import { baseGranularity, groupByBucket, type TimeRange } from './resolution';
import { readWindows, type StoredWindow } from './windows.repository';

/** Merges windows' sketches per bucket: percentiles of the merged sketch, never averaged. */
export function latencySeries(windows: StoredWindow[], resolution: Resolution): LatencyWindow[] {
  return groupByBucket(windows, (w) => w.start, resolution).map(({ start, items }) => {
    const sketch = newLatencySketch();
    let count = 0;
    let errors = 0;
    for (const w of items) {
      mergeSketch(sketch, w.agg.latency);
      count += w.agg.count;
      errors += w.agg.errors;
    }
    return { start: new Date(start).toISOString(), count, errors, ...percentilesOf(sketch) };
  });
}

export async function latencyOf(db: Db, deploymentId: number, versions: number[], range: TimeRange, resolution: Resolution): Promise<LatencyWindow[]> {
  const windows = await readWindows(db, { deploymentId, versions, granularity: baseGranularity(resolution), from: range.from, to: range.to });
  return latencySeries(windows, resolution);
}

/** One summary over a whole range (canary comparison, health). */
export function summarize(windows: StoredWindow[]) {
  const sketch = newLatencySketch();
  let count = 0;
  let errors = 0;
  for (const w of windows) {
    mergeSketch(sketch, w.agg.latency);
    count += w.agg.count;
    errors += w.agg.errors;
  }
  return { count, errors, errorRate: count > 0 ? errors / count : null, ...percentilesOf(sketch) };
}
