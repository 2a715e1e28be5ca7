import { DDSketch } from '@datadog/sketches-js';

/**
 * Latency per window as a DDSketch with ±1 % relative accuracy: mergeable across windows, so any
 * resolution's percentiles are exact to 1 % (averaging per-window percentiles would not be).
 *
 * Serialized with our own compact layout instead of the library's protobuf (which needs
 * protobufjs at run time and drops sum, min and max): Float64 values
 * [format, zeroCount, sum, min, max, firstKey, ...counts from firstKey].
 */
const relativeAccuracy = 0.01;
const format = 1;

export type LatencySketch = DDSketch;

export function newLatencySketch(): LatencySketch {
  return new DDSketch({ relativeAccuracy });
}

export function encodeSketch(sketch: LatencySketch): Buffer {
  const { store } = sketch;
  const keys = store.count > 0 ? store.maxKey - store.minKey + 1 : 0;
  const out = new Float64Array(6 + keys);
  out[0] = format;
  out[1] = sketch.zeroCount;
  out[2] = sketch.sum;
  out[3] = sketch.count > 0 ? sketch.min : 0;
  out[4] = sketch.count > 0 ? sketch.max : 0;
  out[5] = keys > 0 ? store.minKey : 0;
  for (let i = 0; i < keys; i++) out[6 + i] = store.bins[store.minKey + i - store.offset] ?? 0;
  return Buffer.from(out.buffer);
}

export function decodeSketch(bytes: Uint8Array): LatencySketch {
  // Copy: a Buffer from the driver may not be 8-byte aligned.
  const values = new Float64Array(new Uint8Array(bytes).buffer);
  if (values[0] !== format) throw new Error(`Unknown latency sketch format ${values[0]}`);
  const sketch = newLatencySketch();
  const firstKey = values[5] ?? 0;
  for (let i = 6; i < values.length; i++) {
    const count = values[i] ?? 0;
    if (count > 0) sketch.store.add(firstKey + i - 6, count);
  }
  sketch.zeroCount = values[1] ?? 0;
  sketch.count = sketch.store.count + sketch.zeroCount;
  sketch.sum = values[2] ?? 0;
  if (sketch.count > 0) {
    sketch.min = values[3] ?? 0;
    sketch.max = values[4] ?? 0;
  }
  return sketch;
}

/** Merges `from` into `into` (both ≥ 0 values: the library ignores negative stores on merge). */
export function mergeSketch(into: LatencySketch, from: LatencySketch): void {
  into.merge(from);
}

export interface Percentiles {
  p50: number | null;
  p90: number | null;
  p95: number | null;
  p99: number | null;
}

export function percentilesOf(sketch: LatencySketch): Percentiles {
  if (sketch.count === 0) return { p50: null, p90: null, p95: null, p99: null };
  const at = (q: number) => round(sketch.getValueAtQuantile(q));
  return { p50: at(0.5), p90: at(0.9), p95: at(0.95), p99: at(0.99) };
}

const round = (value: number) => Math.round(value * 1000) / 1000;
