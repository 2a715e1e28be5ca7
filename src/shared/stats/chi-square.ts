/**
 * Pearson's chi-square goodness-of-fit test (`scipy.stats.chisquare`) and Evidently's use of it
 * for categorical drift.
 */
import { regularizedGammaQ } from './gamma';

export interface ChiSquareResult {
  statistic: number;
  pValue: number;
  degreesOfFreedom: number;
}

/**
 * `scipy.stats.chisquare(observed, expected)` (ddof = 0): χ² = Σ (oᵢ − eᵢ)²/eᵢ and
 * p = Q((k − 1)/2, χ²/2), the chi-square survival function with k − 1 degrees of freedom.
 * As in SciPy: a bin with eᵢ = 0 < oᵢ makes χ² = ∞ and p = 0; eᵢ = oᵢ = 0 makes both NaN; one bin
 * (no degrees of freedom) gives p = NaN. The totals must agree to √ε relative (SciPy's sum check)
 * and the arrays must have the same non-zero length, or a RangeError is thrown.
 */
export function chiSquareTest(observed: readonly number[], expected: readonly number[]): ChiSquareResult {
  if (observed.length !== expected.length || observed.length === 0) {
    throw new RangeError(`observed and expected need the same non-zero length (${observed.length}, ${expected.length})`);
  }
  const observedTotal = observed.reduce((sum, value) => sum + value, 0);
  const expectedTotal = expected.reduce((sum, value) => sum + value, 0);
  if (Math.abs(observedTotal - expectedTotal) / Math.min(observedTotal, expectedTotal) > Math.sqrt(Number.EPSILON)) {
    throw new RangeError(`observed total ${observedTotal} and expected total ${expectedTotal} differ`);
  }
  let statistic = 0;
  for (let i = 0; i < observed.length; i++) statistic += (observed[i]! - expected[i]!) ** 2 / expected[i]!;
  const degreesOfFreedom = observed.length - 1;
  const pValue =
    degreesOfFreedom === 0 || Number.isNaN(statistic) ? NaN : regularizedGammaQ(degreesOfFreedom / 2, statistic / 2);
  return { statistic, pValue, degreesOfFreedom };
}

/**
 * Evidently's `chisquare` drift test on counts over the same bins (categories): observed = the
 * current counts, expected = the reference counts × n_current/n_reference. Bins empty on both
 * sides are dropped first (Evidently only has categories seen in either sample). A category absent
 * from the reference but present now gives p = 0. When fewer than two bins remain, the
 * distributions are identical: statistic 0 and p = 1 (SciPy would return NaN, which Evidently
 * never flags as drift). Empty reference or current totals throw a RangeError.
 */
export function chiSquareDriftTest(reference: readonly number[], current: readonly number[]): ChiSquareResult {
  if (reference.length !== current.length) {
    throw new RangeError(`both histograms need the same bins (${reference.length} ≠ ${current.length})`);
  }
  const kept = reference.map((_, i) => i).filter((i) => reference[i] !== 0 || current[i] !== 0);
  const referenceCounts = kept.map((i) => reference[i]!);
  const currentCounts = kept.map((i) => current[i]!);
  const referenceTotal = referenceCounts.reduce((sum, value) => sum + value, 0);
  const currentTotal = currentCounts.reduce((sum, value) => sum + value, 0);
  if (!(referenceTotal > 0) || !(currentTotal > 0)) throw new RangeError('reference and current must not be empty');
  if (kept.length < 2) return { statistic: 0, pValue: 1, degreesOfFreedom: 0 };
  const scale = currentTotal / referenceTotal;
  return chiSquareTest(
    currentCounts,
    referenceCounts.map((count) => count * scale),
  );
}
