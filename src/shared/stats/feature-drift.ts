/**
 * One feature's drift verdict: pick the method (Evidently's default, or an override), compute its
 * score on the data the method needs, and apply its threshold and rule.
 */
import { chiSquareDriftTest } from './chi-square';
import { type DriftMethodName, type FeatureType, describeRule, driftMethods, isDrifted } from './drift-methods';
import {
  hellingerDistance,
  jensenShannonDistance,
  klDivergence,
  lInfinityDistance,
  populationStabilityIndex,
} from './histogram-distances';
import { ksTwoSample } from './ks-test';
import { defaultDriftMethod } from './method-selection';
import { normedWasserstein } from './wasserstein';
import { zTestDrift } from './z-test';

/**
 * What is known about one feature in a window. Values are non-missing and finite: callers drop
 * NaN, ±Infinity and missing values first (as Evidently does) and count them separately.
 */
export interface FeatureDriftInput {
  featureType: FeatureType;
  /** Non-missing values in the reference (Evidently's reference size, compared with 1000). */
  referenceRows: number;
  /** Distinct non-missing values in reference ∪ current. */
  uniqueCount: number;
  /**
   * Counts on the same bins (numeric ranges in ascending order, or categories in sorted order),
   * used by chisquare, z, psi, kl_div, jensenshannon, hellinger and l_infinity.
   */
  referenceCounts?: readonly number[];
  currentCounts?: readonly number[];
  /** Raw values (or bounded uniform samples of them), used by ks and wasserstein. */
  referenceSample?: ArrayLike<number>;
  currentSample?: ArrayLike<number>;
}

/** A per-feature choice that replaces the default method and/or its default threshold. */
export interface DriftOverride {
  method?: DriftMethodName;
  threshold?: number;
}

export interface FeatureDriftResult {
  method: DriftMethodName;
  displayName: string;
  scoreKind: 'p-value' | 'distance';
  score: number;
  threshold: number;
  drifted: boolean;
  /** e.g. "Wasserstein (normed) 0.17 ≥ 0.1". */
  rule: string;
}

function required<T>(value: T | undefined, what: string, method: DriftMethodName): T {
  if (value === undefined) throw new Error(`${method} needs ${what}`);
  return value;
}

/** Bins empty on both sides dropped: Evidently's categories are the values seen in either sample. */
function seenCategories(reference: readonly number[], current: readonly number[]): [number[], number[]] {
  const kept = reference.map((_, i) => i).filter((i) => reference[i] !== 0 || current[i] !== 0);
  return [kept.map((i) => reference[i]!), kept.map((i) => current[i]!)];
}

function score(method: DriftMethodName, input: FeatureDriftInput): number {
  if (method === 'ks' || method === 'wasserstein') {
    const reference = required(input.referenceSample, 'referenceSample', method);
    const current = required(input.currentSample, 'currentSample', method);
    return method === 'ks' ? ksTwoSample(reference, current).pValue : normedWasserstein(reference, current);
  }
  let reference = required(input.referenceCounts, 'referenceCounts', method);
  let current = required(input.currentCounts, 'currentCounts', method);
  // Numeric ranges keep their empty bins, as Evidently's Sturges bins do (it matters to PSI/KL's zero fill).
  if (input.featureType === 'categorical') [reference, current] = seenCategories(reference, current);
  switch (method) {
    case 'chisquare':
      return chiSquareDriftTest(reference, current).pValue;
    case 'z':
      return zTestDrift(reference, current).pValue;
    case 'psi':
      return populationStabilityIndex(reference, current);
    case 'kl_div':
      return klDivergence(reference, current);
    case 'jensenshannon':
      return jensenShannonDistance(reference, current);
    case 'hellinger':
      return hellingerDistance(reference, current);
    case 'l_infinity':
      return lInfinityDistance(reference, current);
  }
}

/**
 * The verdict for one feature. Throws a RangeError for a method that does not apply to the
 * feature type (ks and wasserstein are numeric-only) or a threshold that is not a finite number ≥ 0,
 * and an Error when the data the method needs is missing; the statistics' own errors (empty
 * samples or histograms) propagate.
 */
export function evaluateFeatureDrift(input: FeatureDriftInput, override: DriftOverride = {}): FeatureDriftResult {
  const name = override.method ?? defaultDriftMethod(input.featureType, input.referenceRows, input.uniqueCount);
  const method = driftMethods[name];
  if (!method.featureTypes.includes(input.featureType)) {
    throw new RangeError(`${name} applies to ${method.featureTypes.join(' and ')} features, not ${input.featureType}`);
  }
  const threshold = override.threshold ?? method.defaultThreshold;
  if (!(threshold >= 0) || !Number.isFinite(threshold)) throw new RangeError(`threshold must be a finite number ≥ 0, got ${threshold}`);
  const value = score(name, input);
  return {
    method: name,
    displayName: method.displayName,
    scoreKind: method.scoreKind,
    score: value,
    threshold,
    drifted: isDrifted(method, value, threshold),
    rule: describeRule(method, value, threshold),
  };
}
