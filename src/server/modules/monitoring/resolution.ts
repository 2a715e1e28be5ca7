import type { Resolution } from '../../../shared/contract/monitoring';

export const resolutionSeconds: Record<Resolution, number> = { '1m': 60, '5m': 300, '15m': 900, '1h': 3600, '6h': 21_600, '1d': 86_400 };

/** The stored window length a resolution is merged from (the largest that divides it). */
export function baseGranularity(resolution: Resolution): 60 | 3600 | 86_400 {
  const seconds = resolutionSeconds[resolution];
  if (seconds % 86_400 === 0) return 86_400;
  if (seconds % 3600 === 0) return 3600;
  return 60;
}

/** About 100–200 points per chart, whatever the range. */
export function autoResolution(from: number, to: number): Resolution {
  const hours = (to - from) / 3_600_000;
  if (hours <= 3) return '1m';
  if (hours <= 12) return '5m';
  if (hours <= 48) return '15m';
  if (hours <= 10 * 24) return '1h';
  if (hours <= 45 * 24) return '6h';
  return '1d';
}

export interface TimeRange {
  from: number;
  to: number;
}

const maxRangeMs = 400 * 86_400_000;

/** The query's range (default: the last 24 hours), aligned outward to whole buckets. */
export function resolveRange(query: { from?: string | undefined; to?: string | undefined }, now = Date.now()): TimeRange {
  const to = query.to ? Date.parse(query.to) : now;
  const from = query.from ? Date.parse(query.from) : to - 86_400_000;
  return { from: Math.max(from, to - maxRangeMs), to };
}

export function bucketStart(ms: number, resolution: Resolution): number {
  const size = resolutionSeconds[resolution] * 1000;
  return Math.floor(ms / size) * size;
}

/** Groups items into resolution buckets, in time order. */
export function groupByBucket<T>(items: T[], startOf: (item: T) => number, resolution: Resolution): Array<{ start: number; items: T[] }> {
  const buckets = new Map<number, T[]>();
  for (const item of items) {
    const start = bucketStart(startOf(item), resolution);
    const list = buckets.get(start);
    if (list) list.push(item);
    else buckets.set(start, [item]);
  }
  return [...buckets.entries()].sort((a, b) => a[0] - b[0]).map(([start, list]) => ({ start, items: list }));
}
