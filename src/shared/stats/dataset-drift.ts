/**
 * Dataset-level drift as Evidently's `get_dataset_drift`: the share of drifted features, and the
 * dataset flagged when that share reaches `driftShare` (0.5 by default).
 */
import { type DriftOverride, type FeatureDriftInput, type FeatureDriftResult, evaluateFeatureDrift } from './feature-drift';

export const DEFAULT_DRIFT_SHARE = 0.5;

export interface DatasetDriftSummary {
  driftedCount: number;
  featureCount: number;
  /** driftedCount / featureCount; 0 when there are no features. */
  share: number;
  driftShare: number;
  /** share ≥ driftShare; false when there are no features. */
  drifted: boolean;
}

/** Summarises per-feature verdicts. Throws a RangeError unless 0 < driftShare ≤ 1. */
export function datasetDrift(
  results: readonly { drifted: boolean }[],
  driftShare = DEFAULT_DRIFT_SHARE,
): DatasetDriftSummary {
  if (!(driftShare > 0 && driftShare <= 1)) throw new RangeError(`driftShare must be in (0, 1], got ${driftShare}`);
  const driftedCount = results.filter((result) => result.drifted).length;
  const featureCount = results.length;
  const share = featureCount === 0 ? 0 : driftedCount / featureCount;
  return { driftedCount, featureCount, share, driftShare, drifted: featureCount > 0 && share >= driftShare };
}

export interface DatasetDriftOptions {
  /** Per-feature method and/or threshold, by feature name. */
  overrides?: Readonly<Record<string, DriftOverride>>;
  driftShare?: number;
}

/** Evaluates every feature (in the given order) and summarises them. */
export function evaluateDatasetDrift(
  features: Readonly<Record<string, FeatureDriftInput>>,
  options: DatasetDriftOptions = {},
): DatasetDriftSummary & { features: ({ feature: string } & FeatureDriftResult)[] } {
  const overrides = options.overrides ?? {};
  const results = Object.entries(features).map(([feature, input]) => ({
    feature,
    ...evaluateFeatureDrift(input, Object.hasOwn(overrides, feature) ? overrides[feature] : undefined),
  }));
  return { ...datasetDrift(results, options.driftShare), features: results };
}
