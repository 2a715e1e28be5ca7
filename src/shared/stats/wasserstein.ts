/**
 * The first Wasserstein (earth mover's) distance between two samples, equal to
 * `scipy.stats.wasserstein_distance(u, v)`, and Evidently's normed variant used for drift.
 */
import { assertFiniteSample, type SampleInput, type SortedSample, sortSample } from './sample-checks';

/**
 * W₁(u, v) = ∫ |F_u(t) − F_v(t)| dt, summed exactly over the gaps between consecutive pooled values
 * (as SciPy's `_cdf_distance` with p = 1). Samples must be non-empty and finite (see
 * `assertFiniteSample`); identical samples give 0.
 */
export function wassersteinDistance(u: SampleInput, v: SampleInput): number {
  const a = sortSample(u, 'sample u').sorted;
  const b = sortSample(v, 'sample v').sorted;
  let i = 0; // values of a ≤ the current pooled value
  let j = 0;
  let previous = Math.min(a[0]!, b[0]!);
  let total = 0;
  while (i < a.length || j < b.length) {
    const value = j >= b.length || (i < a.length && a[i]! <= b[j]!) ? a[i]! : b[j]!;
    total += Math.abs(i / a.length - j / b.length) * (value - previous);
    while (i < a.length && a[i] === value) i++;
    while (j < b.length && b[j] === value) j++;
    previous = value;
  }
  return total;
}

/** NumPy's default `np.std`: the population standard deviation (ddof = 0), √(Σ(x − x̄)²/n). */
export function populationStd(values: ArrayLike<number>): number {
  assertFiniteSample(values, 'values');
  let sum = 0;
  for (let i = 0; i < values.length; i++) sum += values[i]!;
  const mean = sum / values.length;
  let squares = 0;
  for (let i = 0; i < values.length; i++) squares += (values[i]! - mean) ** 2;
  return Math.sqrt(squares / values.length);
}

/** Evidently's floor on the reference spread, so a constant reference does not divide by zero. */
const WASSERSTEIN_MIN_NORM = 0.001;

/** A reference sample sorted, with its std, once: drift over time compares it with every window. */
export interface PreparedReference extends SortedSample {
  readonly std: number;
}

export function prepareReference(values: ArrayLike<number>): PreparedReference {
  return { ...sortSample(values, 'reference'), std: populationStd(values) };
}

/**
 * Evidently's "Wasserstein distance (normed)": W₁(reference, current) / max(std(reference), 0.001)
 * with the population std (`np.std`, ddof = 0). A zero-variance reference is divided by 0.001, so
 * any shift of a constant feature scores high.
 */
export function normedWasserstein(reference: ArrayLike<number> | PreparedReference, current: SampleInput): number {
  const prepared = 'std' in reference ? reference : prepareReference(reference);
  return wassersteinDistance(prepared, current) / Math.max(prepared.std, WASSERSTEIN_MIN_NORM);
}
