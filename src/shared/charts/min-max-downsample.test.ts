import { describe, expect, it } from 'vitest';
import { assembleBuckets, bucketOf, bucketize, minMaxDownsample } from './min-max-downsample';

const series = (n: number, f: (i: number) => number) => Array.from({ length: n }, (_, i) => [i, f(i)] as const);

describe('minMaxDownsample', () => {
  it('passes short series through, turning non-finite values into gaps', () => {
    expect(minMaxDownsample([[0, 1], [1, Number.NaN], [2, Infinity], [3, 2]], 10)).toEqual([[0, 1], [1, null], [2, null], [3, 2]]);
  });

  it('keeps a one-step spike among 100,000 points', () => {
    const points = series(100_000, (i) => (i === 73_421 ? 50 : Math.sin(i / 1000)));
    const out = minMaxDownsample(points, 1000);
    expect(out.length).toBeLessThanOrEqual(1000);
    expect(Math.max(...out.map(([, y]) => y ?? -Infinity))).toBe(50);
    expect(Math.min(...out.map(([, y]) => y ?? Infinity))).toBeCloseTo(-1, 3);
  });

  it('keeps x ascending and draws a falling curve without a saw', () => {
    const out = minMaxDownsample(series(10_000, (i) => 1 / (i + 1)), 100);
    for (let i = 1; i < out.length; i++) {
      expect(out[i]![0]).toBeGreaterThanOrEqual(out[i - 1]![0]);
      expect(out[i]![1]!).toBeLessThanOrEqual(out[i - 1]![1]!);
    }
  });

  it('marks a gap where a bucket held NaN and keeps its finite values', () => {
    const out = minMaxDownsample(series(1000, (i) => (i === 500 ? Number.NaN : i)), 20);
    const gap = out.findIndex(([, y]) => y === null);
    expect(gap).toBeGreaterThan(0);
    expect(out[gap]![0]).toBeLessThanOrEqual(500);
    expect(out.at(-1)).toEqual([999, 999]);
  });
});

describe('bucket helpers', () => {
  it('places the first and last x in the first and last bucket', () => {
    expect(bucketOf(0, 0, 999, 10)).toBe(0);
    expect(bucketOf(999, 0, 999, 10)).toBe(9);
    expect(bucketOf(100, 0, 999, 10)).toBe(1);
  });

  it('assembles a bucket of only non-finite values as a gap alone', () => {
    const buckets = bucketize([[0, 1], [5, Number.NaN], [9, 2]], 3);
    expect(assembleBuckets(buckets)).toEqual([[0, 1], [5, null], [9, 2]]);
  });
});
