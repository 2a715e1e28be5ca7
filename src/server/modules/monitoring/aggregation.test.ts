import { describe, expect, it } from 'vitest';
import { newFeatureRow, setMissing, setValue } from './feature-row';
import { decodeSketch, encodeSketch, mergeSketch, newLatencySketch, percentilesOf } from './latency-sketch';
import { ProfileBuilder } from './profile-builder';
import { binOf } from './reference-profile';
import { mergeReservoirs, offer, type Reservoir } from './reservoir';
import { emptyWindow, foldEvent, mergeWindows } from './window-aggregate';
import { decodeFeatures, encodeFeatures } from './window-codec';

const sketchOf = (values: number[]) => {
  const sketch = newLatencySketch();
  for (const v of values) sketch.accept(v);
  return sketch;
};
const exactQuantile = (values: number[], q: number) => values.slice().sort((a, b) => a - b)[Math.floor(q * (values.length - 1))] as number;

describe('latency sketches', () => {
  it('merge windows to percentiles within 1 % of the exact ones, through serialization', () => {
    const a = Array.from({ length: 5000 }, (_, i) => 10 + (i % 97));
    const b = Array.from({ length: 3000 }, (_, i) => 300 + (i % 211));
    const merged = decodeSketch(encodeSketch(sketchOf(a)));
    mergeSketch(merged, decodeSketch(encodeSketch(sketchOf(b))));
    const all = [...a, ...b];
    const p = percentilesOf(merged);
    for (const [q, value] of [[0.5, p.p50], [0.9, p.p90], [0.99, p.p99]] as const) {
      expect(Math.abs((value as number) - exactQuantile(all, q)) / exactQuantile(all, q)).toBeLessThanOrEqual(0.011);
    }
    expect(merged.count).toBe(8000);
  });

  it('keeps zeros, sums and extremes, and an empty sketch has no percentiles', () => {
    const decoded = decodeSketch(encodeSketch(sketchOf([0, 0, 5, 100])));
    expect([decoded.count, decoded.zeroCount, decoded.sum, decoded.min, decoded.max]).toEqual([4, 2, 105, 0, 100]);
    expect(percentilesOf(newLatencySketch()).p99).toBeNull();
  });
});

describe('reservoirs', () => {
  it('stay bounded and merge into a uniform sample of both streams', () => {
    let seed = 3;
    const random = () => ((seed = (seed * 16807) % 2147483647) / 2147483647);
    const left: Reservoir = { seen: 0, values: [] };
    const right: Reservoir = { seen: 0, values: [] };
    for (let i = 0; i < 30_000; i++) offer(left, 0, 200, random);
    for (let i = 0; i < 10_000; i++) offer(right, 1, 200, random);
    const merged = mergeReservoirs([left, right], 400, random);
    expect(merged.seen).toBe(40_000);
    // The larger stream's 200 values stand for 30,000: they can fill 3/4 of at most 266 slots.
    expect(merged.values).toHaveLength(266);
    expect(merged.values.filter((v) => v === 1).length).toBe(266 - Math.round((266 * 30_000) / 40_000));
  });

  it('merge many streams at once in proportion to each, as far as each sample can supply its share', () => {
    let seed = 11;
    const random = () => ((seed = (seed * 16807) % 2147483647) / 2147483647);
    const streams = [30_000, 10_000, 20_000, 40].map((length, value) => {
      const reservoir: Reservoir = { seen: 0, values: [] };
      for (let i = 0; i < length; i++) offer(reservoir, value, 200, random);
      return reservoir;
    });
    const merged = mergeReservoirs(streams, 512, random);
    expect(merged.seen).toBe(60_040);
    // The largest stream's 200 values stand for half the union: at most 400 slots in all.
    expect(merged.values).toHaveLength(400);
    expect([0, 1, 2, 3].map((v) => merged.values.filter((x) => x === v).length)).toEqual([200, 66, 134, 0]);
    // Every value kept when the union fits.
    expect(mergeReservoirs([{ seen: 2, values: [1, 2] }, { seen: 1, values: [3] }], 64, random).values).toEqual([1, 2, 3]);
  });

  it('subsample every value with the same probability, keeping few or most of them', () => {
    let seed = 7;
    const random = () => ((seed = (seed * 16807) % 2147483647) / 2147483647);
    const full: Reservoir = { seen: 10, values: [0, 1, 2, 3, 4, 5, 6, 7, 8, 9] };
    for (const capacity of [3, 7]) {
      const kept = new Array<number>(10).fill(0);
      for (let round = 0; round < 20_000; round++) {
        const sample = mergeReservoirs([full, { seen: 0, values: [] }], capacity, random);
        expect(new Set(sample.values).size).toBe(capacity);
        for (const v of sample.values) kept[v]! += 1;
      }
      for (const count of kept) expect(Math.abs(count / 20_000 - capacity / 10)).toBeLessThan(0.02);
    }
  });
});

describe('reference profiles', () => {
  it('infers types, quantile and discrete bins, top categories, missing values and overrides', () => {
    const builder = new ProfileBuilder({ types: { zip: 'categorical' }, predictionColumn: 'y', labelColumn: 'label' });
    const rows = Array.from({ length: 1000 }, (_, i) => ({ x: String(i), flag: String(i % 2), city: i % 10 === 0 ? '' : ['a', 'b', 'c'][i % 3], zip: String(10000 + (i % 4)), y: String(i % 2), label: String(i % 3 === 0 ? 1 : i % 2) }));
    for (const r of rows) builder.firstPass(r);
    expect(builder.plan()).toEqual(['x', 'flag', 'city', 'zip']);
    for (const r of rows) builder.secondPass(r);
    const profile = builder.result();
    const [x, flag, city, zip] = profile.features;
    expect(x?.binning.kind).toBe('numeric');
    expect(x?.binCounts).toHaveLength(10);
    expect(x?.binCounts.every((c) => c === 100)).toBe(true);
    expect(flag?.binning).toEqual({ kind: 'discrete', values: [0, 1] });
    expect(city).toMatchObject({ type: 'categorical', missing: 100 });
    expect(zip).toMatchObject({ type: 'categorical', inferredType: 'numeric' });
    expect(profile.taskType).toBe('classification');
    expect(profile.performance?.accuracy).toBeGreaterThan(0.5);
    expect(binOf({ kind: 'numeric', edges: [1, 2] }, 1)).toBe(0);
    expect(binOf({ kind: 'numeric', edges: [1, 2] }, 1.5)).toBe(1);
    expect(binOf({ kind: 'numeric', edges: [1, 2] }, 9)).toBe(2);
    expect(binOf({ kind: 'categorical', categories: ['a'] }, 'zzz')).toBe(1);
  });
});

describe('windows', () => {
  it('merge counts, bins, samples and sketches, and survive the feature codec', () => {
    const builder = new ProfileBuilder();
    const rows = Array.from({ length: 100 }, (_, i) => ({ x: String(i), c: i % 2 ? 'a' : 'b' }));
    for (const r of rows) builder.firstPass(r);
    builder.plan();
    for (const r of rows) builder.secondPass(r);
    const profile = builder.result();
    const fold = (values: number[]) => {
      const window = emptyWindow(1, profile);
      const features = newFeatureRow(2);
      setMissing(features, 1);
      for (const v of values) {
        setValue(features, 0, profile.features[0]!, v);
        foldEvent(window, { latencyMs: v, error: v > 90, features, prediction: null, label: null }, profile, 64);
      }
      return window;
    };
    const merged = mergeWindows([fold([1, 2, 95]), fold([50, 99])], 64);
    expect([merged.count, merged.errors, merged.latency.count]).toEqual([5, 2, 5]);
    expect(merged.features?.[0]?.bins.reduce((s, v) => s + v, 0)).toBe(5);
    expect(merged.features?.[1]?.missing).toBe(5);
    const decoded = decodeFeatures(encodeFeatures(merged.features ?? [], null));
    expect(decoded.features[0]?.sample.values.sort((a, b) => a - b)).toEqual([1, 2, 50, 95, 99]);
    const newer = mergeWindows([merged, { ...fold([10]), profileId: 2 }], 64);
    expect(newer).toMatchObject({ profileId: 2, count: 6 });
    expect(newer.features?.[0]?.count).toBe(1);
  });
});
