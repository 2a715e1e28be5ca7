import type { DriftMethod, DriftSettings, FeatureDrift } from '../../../shared/contract/monitoring';
import type { FeatureProfile, ReferenceProfile } from './reference-profile';
import type { FeatureAgg } from './window-aggregate';

/** What the drift engine asks of the statistics (src/shared/stats, through drift-statistics.ts). */
export interface DriftInput {
  /** Counts on the same bins, reference and current. */
  referenceCounts: number[];
  currentCounts: number[];
  /** Bounded uniform samples of numeric values (KS, Wasserstein). */
  referenceSample: number[];
  currentSample: number[];
}

export interface DriftStatistics {
  /** Evidently's default method and threshold for a column. */
  defaultMethod(type: 'numeric' | 'categorical', referenceRows: number, uniqueValues: number): { method: DriftMethod; threshold: number };
  /** The p-value or distance of `method`. */
  score(method: DriftMethod, input: DriftInput): number;
  drifted(method: DriftMethod, score: number, threshold: number): boolean;
}

export interface FeatureMethod {
  feature: string;
  type: 'numeric' | 'categorical';
  method: DriftMethod;
  threshold: number;
}

const sampleMethods = new Set<DriftMethod>(['ks', 'wasserstein']);

/** Method and threshold per feature: the per-feature override, else Evidently's default. */
export function chooseMethods(profile: ReferenceProfile, settings: DriftSettings, statistics: DriftStatistics): FeatureMethod[] {
  const overrides = new Map(settings.features.map((f) => [f.feature, f]));
  return profile.features.map((feature) => {
    const chosen = statistics.defaultMethod(feature.type, feature.count, feature.uniqueCapped ? Number.MAX_SAFE_INTEGER : feature.uniqueCount);
    const override = overrides.get(feature.name);
    const method = override?.method ?? chosen.method;
    const threshold = override?.threshold ?? (override?.method ? defaultThreshold(override.method) : chosen.threshold);
    return { feature: feature.name, type: feature.type, method, threshold };
  });
}

/** Evidently's default thresholds: 0.05 for p-values, 0.1 for distances. */
export function defaultThreshold(method: DriftMethod): number {
  return method === 'ks' || method === 'chisquare' || method === 'z' ? 0.05 : 0.1;
}

export function driftInput(feature: FeatureProfile, agg: FeatureAgg): DriftInput {
  return { referenceCounts: feature.binCounts, currentCounts: agg.bins, referenceSample: feature.sample, currentSample: agg.sample.values };
}

/** One feature of one window; no score without current values. */
export function featureDrift(feature: FeatureProfile, agg: FeatureAgg | undefined, method: FeatureMethod, statistics: DriftStatistics): FeatureDrift {
  const base = { feature: feature.name, type: feature.type, method: method.method, threshold: method.threshold };
  const enough = agg && agg.count > 0 && (!sampleMethods.has(method.method) || agg.sample.values.length > 0);
  if (!agg || !enough) return { ...base, score: null, drifted: false };
  try {
    const score = statistics.score(method.method, driftInput(feature, agg));
    if (!Number.isFinite(score)) return { ...base, score: null, drifted: false };
    return { ...base, score, drifted: statistics.drifted(method.method, score, method.threshold) };
  } catch {
    return { ...base, score: null, drifted: false };
  }
}

export interface WindowDrift {
  features: FeatureDrift[];
  driftShare: number | null;
  datasetDrift: boolean;
}

/** Every feature of a window, and the share drifted among those with a score (Evidently's rule). */
export function windowDrift(profile: ReferenceProfile, aggs: FeatureAgg[] | null, methods: FeatureMethod[], driftShare: number, statistics: DriftStatistics): WindowDrift {
  const features = profile.features.map((feature, i) => featureDrift(feature, aggs?.[i], methods[i] as FeatureMethod, statistics));
  const scored = features.filter((f) => f.score !== null);
  const share = scored.length > 0 ? scored.filter((f) => f.drifted).length / scored.length : null;
  return { features, driftShare: share, datasetDrift: share !== null && share >= driftShare };
}
