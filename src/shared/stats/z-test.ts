/**
 * Evidently's `z` drift test: a two-proportion z-test of "the first category (in sorted order)"
 * versus all others, between the reference and the current sample.
 */
import { regularizedGammaQ } from './gamma';

export interface ZTestResult {
  statistic: number;
  pValue: number;
}

/**
 * Two-sided p-value of a standard normal statistic, P(|Z| ≥ |z|) = erfc(|z|/√2) = Q(½, z²/2).
 * Evidently writes it 2·(1 − Φ(|z|)), which equals this to within 2.2e-16 but rounds to 0 for
 * |z| > 8.3; this form keeps the tail's relative precision.
 */
export function normalTwoSidedPValue(z: number): number {
  return regularizedGammaQ(0.5, (z * z) / 2);
}

/**
 * z = (p₁ − p₂)/√(P(1 − P)(1/n₁ + 1/n₂)) with p₁ = referenceHits/referenceTotal, p₂ = currentHits/
 * currentTotal and the pooled P; p-value two-sided. When P is 0 or 1 (both samples hold one and the
 * same value) the samples agree: statistic 0, p = 1, as Evidently's special case. Totals must be
 * positive and hits within [0, total], or a RangeError is thrown.
 */
export function zTestProportions(
  referenceHits: number,
  referenceTotal: number,
  currentHits: number,
  currentTotal: number,
): ZTestResult {
  const valid = (hits: number, total: number) => total > 0 && hits >= 0 && hits <= total;
  if (!valid(referenceHits, referenceTotal) || !valid(currentHits, currentTotal)) {
    throw new RangeError('z-test needs positive totals and hits between 0 and the total');
  }
  const p1 = referenceHits / referenceTotal;
  const p2 = currentHits / currentTotal;
  const pooled = (p1 * referenceTotal + p2 * currentTotal) / (referenceTotal + currentTotal);
  if (pooled === 0 || pooled === 1) return { statistic: 0, pValue: 1 };
  const statistic = (p1 - p2) / Math.sqrt(pooled * (1 - pooled) * (1 / referenceTotal + 1 / currentTotal));
  return { statistic, pValue: normalTwoSidedPValue(statistic) };
}

/**
 * Evidently's test on counts over the same bins, given in sorted order (numbers ascending,
 * categories as Python's `sorted`): the first bin that is non-empty on either side is "the first
 * category", coded 0, and every other bin is coded 1.
 */
export function zTestDrift(reference: readonly number[], current: readonly number[]): ZTestResult {
  if (reference.length !== current.length) {
    throw new RangeError(`both histograms need the same bins (${reference.length} ≠ ${current.length})`);
  }
  const first = reference.findIndex((count, i) => count > 0 || current[i]! > 0);
  const referenceTotal = reference.reduce((sum, value) => sum + value, 0);
  const currentTotal = current.reduce((sum, value) => sum + value, 0);
  if (first < 0 || !(referenceTotal > 0) || !(currentTotal > 0)) {
    throw new RangeError('reference and current must not be empty');
  }
  return zTestProportions(
    referenceTotal - reference[first]!,
    referenceTotal,
    currentTotal - current[first]!,
    currentTotal,
  );
}
