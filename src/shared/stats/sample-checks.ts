/** Shared input checks for the sample-based statistics (KS, Wasserstein). */

/**
 * Throws a RangeError unless `values` is non-empty and every value is finite. Callers drop NaN and
 * ±Infinity before calling (Evidently drops them before any test), so one here is a bug upstream.
 */
export function assertFiniteSample(values: ArrayLike<number>, name: string): void {
  if (values.length === 0) throw new RangeError(`${name} must not be empty`);
  for (let i = 0; i < values.length; i++) {
    if (!Number.isFinite(values[i])) throw new RangeError(`${name}[${i}] is ${values[i]}; filter non-finite values first`);
  }
}

/** A sorted copy (ascending, numeric). */
export function sortedCopy(values: ArrayLike<number>): Float64Array {
  return Float64Array.from(values).sort();
}
