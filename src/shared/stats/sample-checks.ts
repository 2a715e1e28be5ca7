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

/** A sample checked and sorted once, for statistics that compare it with many others. */
export interface SortedSample {
  readonly sorted: Float64Array;
}

/** A sample as given (checked and sorted here) or already sorted by `sortSample`. */
export type SampleInput = ArrayLike<number> | SortedSample;

/** Checks (see `assertFiniteSample`) and sorts a sample, unless it already is a `SortedSample`. */
export function sortSample(values: SampleInput, name: string): SortedSample {
  if ('sorted' in values) return values;
  assertFiniteSample(values, name);
  return { sorted: sortedCopy(values) };
}
