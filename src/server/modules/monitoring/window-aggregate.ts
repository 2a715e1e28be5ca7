import type { Cell } from './cell-value';
import { type FeatureRow, missingBin } from './feature-row';
import { type LatencySketch, mergeSketch, newLatencySketch } from './latency-sketch';
import { addLabelled, emptyPerformance, mergePerformance, type PerformanceAcc } from './performance';
import { binCount, binOf, type FeatureProfile, type ReferenceProfile } from './reference-profile';
import { emptyReservoir, mergeReservoirs, offer, type Random, type Reservoir } from './reservoir';

/** Window lengths kept on write; any resolution is merged from the largest that divides it. */
export const granularities = [60, 3600, 86_400] as const;
export type Granularity = (typeof granularities)[number];

/** The start of the window of `seconds` that holds `ms`. */
export const floorTo = (ms: number, seconds: number) => Math.floor(ms / (seconds * 1000)) * seconds * 1000;

/**
 * Reservoir size per window length: enough for KS/Wasserstein at the resolutions charts use. An
 * hour keeps as many as a day: with 512, one undrifted hour in 13 of steady traffic reached the
 * Wasserstein threshold by sampling noise alone (see the monitoring bench's false-alarm figure).
 */
export function sampleCapacity(granularity: number): number {
  return granularity >= 3600 ? 1024 : 64;
}

export interface FeatureAgg {
  missing: number;
  count: number;
  bins: number[];
  sample: Reservoir;
}

/** Everything a window remembers about its events (raw events are not kept). */
export interface WindowAgg {
  profileId: number | null;
  count: number;
  errors: number;
  latency: LatencySketch;
  /** Aligned with the profile's features; null without a reference profile. */
  features: FeatureAgg[] | null;
  prediction: FeatureAgg | null;
  performance: PerformanceAcc | null;
}

/** One validated event, its features already binned on the profile (see feature-row.ts). */
export interface FoldableEvent {
  latencyMs: number;
  error: boolean;
  features: FeatureRow | null;
  prediction: Cell;
  label: Cell;
}

export function emptyFeatureAgg(profile: FeatureProfile): FeatureAgg {
  return { missing: 0, count: 0, bins: new Array<number>(binCount(profile.binning)).fill(0), sample: emptyReservoir() };
}

export function emptyWindow(profileId: number | null, profile: ReferenceProfile | null): WindowAgg {
  return {
    profileId,
    count: 0,
    errors: 0,
    latency: newLatencySketch(),
    features: profile ? profile.features.map(emptyFeatureAgg) : null,
    prediction: profile?.prediction ? emptyFeatureAgg(profile.prediction) : null,
    performance: null,
  };
}

function foldCell(agg: FeatureAgg, profile: FeatureProfile, cell: Cell, capacity: number, random: Random) {
  if (cell === null) {
    agg.missing += 1;
    return;
  }
  agg.count += 1;
  if (profile.type === 'numeric') {
    const x = cell.num as number;
    const bin = binOf(profile.binning, x);
    agg.bins[bin] = (agg.bins[bin] ?? 0) + 1;
    offer(agg.sample, x, capacity, random);
  } else {
    const bin = binOf(profile.binning, cell.str);
    agg.bins[bin] = (agg.bins[bin] ?? 0) + 1;
  }
}

function foldRow(aggs: FeatureAgg[], features: FeatureProfile[], row: FeatureRow, capacity: number, random: Random) {
  for (let i = 0; i < features.length; i++) {
    const agg = aggs[i] as FeatureAgg;
    const bin = row.bins[i] as number;
    if (bin === missingBin) {
      agg.missing += 1;
      continue;
    }
    agg.count += 1;
    agg.bins[bin] = (agg.bins[bin] as number) + 1;
    if ((features[i] as FeatureProfile).type === 'numeric') offer(agg.sample, row.values[i] as number, capacity, random);
  }
}

export function foldEvent(window: WindowAgg, event: FoldableEvent, profile: ReferenceProfile | null, capacity: number, random: Random = Math.random) {
  window.count += 1;
  if (event.error) window.errors += 1;
  window.latency.accept(event.latencyMs);
  if (profile && window.features && event.features) foldRow(window.features, profile.features, event.features, capacity, random);
  if (profile?.prediction && window.prediction) foldCell(window.prediction, profile.prediction, event.prediction, capacity, random);
  if (event.label && event.prediction) foldLabel(window, profile, event.prediction, event.label);
}

/** A label for a prediction of this window (inline with the event, or late by id). */
export function foldLabel(window: WindowAgg, profile: ReferenceProfile | null, prediction: NonNullable<Cell>, label: NonNullable<Cell>): boolean {
  const taskType = profile?.taskType ?? (prediction.num !== null && label.num !== null ? 'regression' : 'classification');
  window.performance ??= emptyPerformance();
  return addLabelled(window.performance, taskType, prediction, label);
}

export function mergeFeatureAggs(aggs: FeatureAgg[], capacity: number, random: Random = Math.random): FeatureAgg {
  const first = aggs[0] as FeatureAgg;
  const bins = first.bins.slice();
  let missing = 0;
  let count = 0;
  for (const agg of aggs) {
    missing += agg.missing;
    count += agg.count;
    if (agg !== first) for (let i = 0; i < bins.length; i++) bins[i] = (bins[i] as number) + (agg.bins[i] ?? 0);
  }
  return { missing, count, bins, sample: mergeReservoirs(aggs.map((a) => a.sample), capacity, random) };
}

/**
 * Merges windows of one deployment version, all at once (one allocation per aggregate, however
 * many windows). Feature counts only merge on the same profile: when the reference changed, the
 * windows built on the newest profile win their features.
 */
export function mergeWindows(windows: WindowAgg[], capacity: number, random: Random = Math.random): WindowAgg {
  const latency = newLatencySketch();
  let newest: number | null = null;
  let count = 0;
  let errors = 0;
  let performance: PerformanceAcc | null = null;
  for (const w of windows) {
    mergeSketch(latency, w.latency);
    count += w.count;
    errors += w.errors;
    if ((w.profileId ?? -1) > (newest ?? -1)) newest = w.profileId;
    if (w.performance) performance = performance ? mergePerformance(performance, w.performance) : w.performance;
  }
  const onNewest = windows.filter((w) => w.profileId === newest);
  const features = onNewest.filter((w) => w.features !== null).map((w) => w.features as FeatureAgg[]);
  const predictions = onNewest.filter((w) => w.prediction !== null).map((w) => w.prediction as FeatureAgg);
  return {
    profileId: newest,
    count,
    errors,
    latency,
    features: features.length === 0 ? null : (features[0] as FeatureAgg[]).map((_, i) => mergeFeatureAggs(features.map((f) => f[i] as FeatureAgg), capacity, random)),
    prediction: predictions.length === 0 ? null : mergeFeatureAggs(predictions, capacity, random),
    performance,
  };
}
