/**
 * Evidently's default drift method per column (`_get_default_stattest`), for numeric and
 * categorical features (Sextant has no text features).
 */
import type { DriftMethodName, FeatureType } from './drift-methods';

/** References with more rows than this get distance methods instead of p-value tests. */
export const LARGE_REFERENCE_ROWS = 1000;

/**
 * - reference ≤ 1000 rows: numeric → z (≤ 2 unique values), chisquare (3–5), ks (> 5);
 *   categorical → z (≤ 2), chisquare (> 2);
 * - reference > 1000 rows: numeric → jensenshannon (≤ 5 unique), wasserstein (> 5);
 *   categorical → jensenshannon.
 *
 * `referenceRows` counts the reference's non-missing values; `uniqueCount` is the number of
 * distinct non-missing values in reference ∪ current.
 */
export function defaultDriftMethod(featureType: FeatureType, referenceRows: number, uniqueCount: number): DriftMethodName {
  if (referenceRows > LARGE_REFERENCE_ROWS) {
    if (featureType === 'categorical') return 'jensenshannon';
    return uniqueCount <= 5 ? 'jensenshannon' : 'wasserstein';
  }
  if (uniqueCount <= 2) return 'z';
  if (featureType === 'categorical') return 'chisquare';
  return uniqueCount <= 5 ? 'chisquare' : 'ks';
}
