import type { FeatureAgg } from './window-aggregate';

/**
 * Feature aggregates of a window as one Float64 blob: decoding is a copy, not a parse, which
 * keeps a 30-day drift query fast. Layout: [format, features, hasPrediction, then per aggregate
 * missing, count, binCount, ...bins, seen, sampleSize, ...sample].
 */
const format = 1;

export function encodeFeatures(features: FeatureAgg[], prediction: FeatureAgg | null): Buffer {
  const all = prediction ? [...features, prediction] : features;
  let size = 3;
  for (const agg of all) size += 5 + agg.bins.length + agg.sample.values.length;
  const out = new Float64Array(size);
  out[0] = format;
  out[1] = features.length;
  out[2] = prediction ? 1 : 0;
  let at = 3;
  for (const agg of all) {
    out[at++] = agg.missing;
    out[at++] = agg.count;
    out[at++] = agg.bins.length;
    out.set(agg.bins, at);
    at += agg.bins.length;
    out[at++] = agg.sample.seen;
    out[at++] = agg.sample.values.length;
    out.set(agg.sample.values, at);
    at += agg.sample.values.length;
  }
  return Buffer.from(out.buffer);
}

export function decodeFeatures(bytes: Uint8Array): { features: FeatureAgg[]; prediction: FeatureAgg | null } {
  const values = new Float64Array(new Uint8Array(bytes).buffer);
  if (values[0] !== format) throw new Error(`Unknown window feature format ${values[0]}`);
  const featureCount = values[1] as number;
  const total = featureCount + (values[2] === 1 ? 1 : 0);
  const aggs: FeatureAgg[] = [];
  let at = 3;
  for (let f = 0; f < total; f++) {
    const missing = values[at++] as number;
    const count = values[at++] as number;
    const binCount = values[at++] as number;
    const bins = toArray(values, at, binCount);
    at += binCount;
    const seen = values[at++] as number;
    const sampleSize = values[at++] as number;
    const sample = toArray(values, at, sampleSize);
    at += sampleSize;
    aggs.push({ missing, count, bins, sample: { seen, values: sample } });
  }
  return { features: aggs.slice(0, featureCount), prediction: total > featureCount ? (aggs[featureCount] as FeatureAgg) : null };
}

/** A plain loop: `Array.from` of a typed array goes through the iterator, one result object per value. */
function toArray(values: Float64Array, from: number, length: number): number[] {
  const out: number[] = [];
  for (let i = from; i < from + length; i++) out.push(values[i] as number);
  return out;
}
