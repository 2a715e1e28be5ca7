import { binOf, type FeatureProfile } from './reference-profile';

/**
 * One event's features on the reference bins, in typed arrays aligned with the profile's features:
 * the bin of each value (-1: missing) and, for numeric features, the value (for the reservoir).
 * Validation writes a row and folding reads it at once, so a batch allocates one row per version
 * instead of a cell object (and a string) per value.
 */
export interface FeatureRow {
  bins: Int32Array;
  values: Float64Array;
}

export const missingBin = -1;

export function newFeatureRow(width: number): FeatureRow {
  return { bins: new Int32Array(width), values: new Float64Array(width) };
}

/**
 * Bins a present value of `feature` into slot `at`: numbers on numeric and discrete bins,
 * text (a boolean as its text) on categories, as the reference profile counted them.
 */
export function setValue(row: FeatureRow, at: number, feature: FeatureProfile, value: number | string | boolean): void {
  row.bins[at] = binOf(feature.binning, typeof value === 'boolean' ? String(value) : value);
  row.values[at] = typeof value === 'number' ? value : Number.NaN;
}

export function setMissing(row: FeatureRow, at: number): void {
  row.bins[at] = missingBin;
}
