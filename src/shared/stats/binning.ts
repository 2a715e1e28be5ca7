/**
 * Turning raw values into histograms that the distance functions compare: numeric bin edges
 * (quantiles of the reference, or Evidently's Sturges edges), counts on those edges, and category
 * counts with a top-K cut.
 */
import { assertFiniteSample, sortedCopy } from './sample-checks';

/**
 * `np.quantile(sorted, q)` with NumPy's default 'linear' method (Hyndman–Fan type 7), with NumPy's
 * own arithmetic (virtual index (n − 1)·q, then `_lerp`) so edges match it bit for bit.
 */
function quantileOfSorted(sorted: Float64Array, q: number): number {
  const n = sorted.length;
  const virtualIndex = (n - 1) * q;
  if (virtualIndex >= n - 1) return sorted[n - 1]!;
  if (virtualIndex < 0) return sorted[0]!;
  const below = Math.floor(virtualIndex);
  const fraction = virtualIndex - below;
  const lower = sorted[below]!;
  const difference = sorted[below + 1]! - lower;
  return fraction >= 0.5 ? sorted[below + 1]! - difference * (1 - fraction) : lower + difference * fraction;
}

/**
 * Bin edges at the reference's quantiles 0, 1/k, …, 1 (NumPy's linear quantiles), with repeated
 * edges (ties) merged, so bins hold about equal reference shares and none is empty. A constant
 * reference gives the single bin [v, v]. These edges are fixed when the reference profile is built,
 * so each window's counts can be aggregated on write (Evidently instead recomputes Sturges edges
 * over reference ∪ current at query time; see `sturgesBinEdges`).
 */
export function quantileBinEdges(reference: ArrayLike<number>, binCount = 10): number[] {
  assertFiniteSample(reference, 'reference');
  if (!Number.isInteger(binCount) || binCount < 1) throw new RangeError(`binCount must be a positive integer, got ${binCount}`);
  const sorted = sortedCopy(reference);
  const edges: number[] = [];
  for (let i = 0; i <= binCount; i++) {
    const edge = quantileOfSorted(sorted, i / binCount);
    if (edges.length === 0 || edge > edges[edges.length - 1]!) edges.push(edge);
  }
  return edges.length === 1 ? [edges[0]!, edges[0]!] : edges;
}

/**
 * `np.histogram_bin_edges(values, bins='sturges')`, the edges Evidently uses for numeric PSI, KL
 * and JS (over reference ∪ current): ⌈ptp/(ptp/(log₂n + 1))⌉ equal bins from min to max, or
 * [v − ½, v + ½] when every value is v.
 */
export function sturgesBinEdges(values: ArrayLike<number>): number[] {
  assertFiniteSample(values, 'values');
  let low = Infinity;
  let high = -Infinity;
  for (let i = 0; i < values.length; i++) {
    low = Math.min(low, values[i]!);
    high = Math.max(high, values[i]!);
  }
  const width = (high - low) / (Math.log2(values.length) + 1);
  const binCount = width > 0 ? Math.ceil((high - low) / width) : 1;
  if (low === high) [low, high] = [low - 0.5, high + 0.5];
  const step = (high - low) / binCount; // np.linspace: i·step + start, with the last edge exact
  return Array.from({ length: binCount + 1 }, (_, i) => (i === binCount ? high : i * step + low));
}

/**
 * Counts of `values` per bin [eᵢ, eᵢ₊₁), the last bin closed, like `np.histogram(values, edges)`,
 * except that values below the first edge or above the last are counted in the outer bins rather
 * than dropped: a current window that leaves the reference range then shows as drift instead of
 * vanishing. `edges` must be non-decreasing with at least two entries; values must be finite.
 */
export function countIntoBins(values: ArrayLike<number>, edges: readonly number[]): number[] {
  if (edges.length < 2) throw new RangeError('edges need at least two entries');
  const binCount = edges.length - 1;
  const counts = new Array<number>(binCount).fill(0);
  for (let i = 0; i < values.length; i++) {
    const value = values[i]!;
    if (!Number.isFinite(value)) throw new RangeError(`values[${i}] is ${value}; filter non-finite values first`);
    let lo = 0; // the last bin whose left edge is ≤ value
    let hi = binCount - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (edges[mid]! <= value) lo = mid;
      else hi = mid - 1;
    }
    counts[lo]! += 1;
  }
  return counts;
}

/** Python's string order: by Unicode code point (JavaScript's `<` compares UTF-16 code units). */
export function compareCodePoints(a: string, b: string): number {
  for (let i = 0; i < a.length && i < b.length; i++) {
    const x = a.codePointAt(i)!;
    const y = b.codePointAt(i)!;
    if (x !== y) return x - y;
    if (x > 0xffff) i++; // a surrogate pair: skip its second half
  }
  return a.length - b.length;
}

/** The key under which categories outside the top K are counted. */
export const OTHER_CATEGORY = '__other__';

/** How often each category occurs. */
export function countCategories(values: Iterable<string>): Map<string, number> {
  const counts = new Map<string, number>();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  return counts;
}

/**
 * The K most frequent categories (ties broken by name, so the choice is deterministic), in
 * Python's `sorted` order (code points) as the z-test expects, with every other category's count
 * summed under `OTHER_CATEGORY`.
 */
export function topCategories(
  counts: ReadonlyMap<string, number>,
  k: number,
): { categories: string[]; counts: number[]; otherCount: number } {
  const ranked = [...counts].sort(([a, countA], [b, countB]) => countB - countA || compareCodePoints(a, b));
  const kept = ranked.slice(0, Math.max(0, k)).sort(([a], [b]) => compareCodePoints(a, b));
  return {
    categories: kept.map(([category]) => category),
    counts: kept.map(([, count]) => count),
    otherCount: ranked.slice(Math.max(0, k)).reduce((sum, [, count]) => sum + count, 0),
  };
}

/** Counts of `values` on a fixed category list (from the reference's top K); the rest go to `otherCount`. */
export function countOnCategories(
  values: Iterable<string>,
  categories: readonly string[],
): { counts: number[]; otherCount: number } {
  const index = new Map(categories.map((category, i) => [category, i]));
  const counts = new Array<number>(categories.length).fill(0);
  let otherCount = 0;
  for (const value of values) {
    const i = index.get(value);
    if (i === undefined) otherCount++;
    else counts[i]! += 1;
  }
  return { counts, otherCount };
}
