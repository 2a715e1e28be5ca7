import type { FeatureType } from '../../../shared/contract/monitoring';

/**
 * The stored reference profile of a model version. Live windows count their values on the same
 * bins, so reference and current histograms always share their edges.
 *
 * - numeric: interior cut points at reference quantiles; bin i holds (edges[i-1], edges[i]],
 *   with open first and last bins, so values outside the reference range still land somewhere;
 * - discrete: a numeric column with at most 20 distinct values (Evidently bins those per value),
 *   one bin per value plus "other";
 * - categorical: the top-K categories plus "other".
 */
export type Binning =
  | { kind: 'numeric'; edges: number[] }
  | { kind: 'discrete'; values: number[] }
  | { kind: 'categorical'; categories: string[] };

export interface FeatureProfile {
  name: string;
  type: FeatureType;
  inferredType: FeatureType;
  count: number;
  missing: number;
  uniqueCount: number;
  uniqueCapped: boolean;
  stats: { min: number; max: number; mean: number; std: number } | null;
  binning: Binning;
  binCounts: number[];
  /** Bounded uniform sample of numeric values (KS, Wasserstein). */
  sample: number[];
}

export type TaskType = 'classification' | 'regression';

export interface ReferenceProfile {
  rowCount: number;
  features: FeatureProfile[];
  prediction: FeatureProfile | null;
  taskType: TaskType | null;
  performance: Record<string, number> | null;
}

export const otherLabel = '(other)';
export const maxCategories = 30;
export const maxDiscreteValues = 20;

export function binCount(binning: Binning): number {
  if (binning.kind === 'numeric') return binning.edges.length + 1;
  if (binning.kind === 'discrete') return binning.values.length + 1;
  return binning.categories.length + 1;
}

/** The bin a value falls in; `value` is a number for numeric/discrete and a string for categorical. */
export function binOf(binning: Binning, value: number | string): number {
  if (binning.kind === 'categorical') {
    const index = binning.categories.indexOf(String(value));
    return index === -1 ? binning.categories.length : index;
  }
  const x = Number(value);
  if (binning.kind === 'discrete') {
    const index = binning.values.indexOf(x);
    return index === -1 ? binning.values.length : index;
  }
  const { edges } = binning;
  let lo = 0;
  let hi = edges.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (x <= (edges[mid] as number)) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** Human labels for the bins of a binning, in order. */
export function binLabels(binning: Binning): string[] {
  if (binning.kind === 'categorical') return [...binning.categories, otherLabel];
  if (binning.kind === 'discrete') return [...binning.values.map(formatNumber), otherLabel];
  const { edges } = binning;
  if (edges.length === 0) return ['all'];
  return [
    `≤ ${formatNumber(edges[0] as number)}`,
    ...edges.slice(1).map((edge, i) => `${formatNumber(edges[i] as number)} – ${formatNumber(edge)}`),
    `> ${formatNumber(edges[edges.length - 1] as number)}`,
  ];
}

export function formatNumber(value: number): string {
  if (Number.isInteger(value)) return String(value);
  return Number(value.toPrecision(4)).toString();
}
