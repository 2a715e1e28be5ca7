/**
 * Distances between two distributions given as counts (or any non-negative weights) on the same
 * bins. Each input is normalised to shares first, as SciPy and Evidently do. Inputs must have the
 * same length, non-negative finite entries and a positive total; anything else throws a RangeError.
 */

/** Each count divided by the total. */
export function toShares(counts: readonly number[]): number[] {
  let total = 0;
  for (const count of counts) {
    if (!(count >= 0) || count === Infinity) throw new RangeError(`counts must be finite and ≥ 0, got ${count}`);
    total += count;
  }
  if (!(total > 0)) throw new RangeError('counts must not all be zero (an empty sample has no distribution)');
  return counts.map((count) => count / total);
}

function sharesOf(reference: readonly number[], current: readonly number[]): [number[], number[]] {
  if (reference.length !== current.length) {
    throw new RangeError(`both histograms need the same bins (${reference.length} ≠ ${current.length})`);
  }
  return [toShares(reference), toShares(current)];
}

/**
 * Evidently's zero filling for PSI and KL (`get_binned_data(feel_zeroes=True)`): an empty bin's
 * share becomes 0.0001, or min(non-zero share)/10⁶ when the smallest non-zero share is ≤ 0.0001,
 * so ln(r/c) stays finite. The shares are not renormalised afterwards.
 */
export function fillEmptyShares(shares: readonly number[]): number[] {
  let smallest = Infinity;
  for (const share of shares) if (share !== 0 && share < smallest) smallest = share;
  const filler = smallest <= 0.0001 ? smallest / 10 ** 6 : 0.0001;
  return shares.map((share) => (share === 0 ? filler : share));
}

/** x·ln(x/y) with SciPy's `rel_entr` conventions: 0 when x = 0, ∞ when y = 0 < x. */
function relativeEntropyTerm(x: number, y: number): number {
  if (x === 0) return 0;
  return y === 0 ? Infinity : x * Math.log(x / y);
}

/**
 * Population Stability Index as Evidently computes it: with r, c the zero-filled shares
 * (`fillEmptyShares`), PSI = Σ (rᵢ − cᵢ)·ln(rᵢ/cᵢ). 0 for identical histograms; ≥ 0.1 is drift by default.
 */
export function populationStabilityIndex(reference: readonly number[], current: readonly number[]): number {
  const [r, c] = sharesOf(reference, current).map(fillEmptyShares) as [number[], number[]];
  let psi = 0;
  for (let i = 0; i < r.length; i++) psi += (r[i]! - c[i]!) * Math.log(r[i]! / c[i]!);
  return psi;
}

/**
 * `scipy.stats.entropy(p, q)`: the Kullback–Leibler divergence D(p‖q) = Σ pᵢ·ln(pᵢ/qᵢ) (natural log)
 * after normalising both. ∞ when some qᵢ = 0 < pᵢ.
 */
export function relativeEntropy(p: readonly number[], q: readonly number[]): number {
  const [pShares, qShares] = sharesOf(p, q);
  let sum = 0;
  for (let i = 0; i < pShares.length; i++) sum += relativeEntropyTerm(pShares[i]!, qShares[i]!);
  return sum;
}

/**
 * Evidently's `kl_div`: `scipy.stats.entropy(r, c)` of the zero-filled shares (which renormalises
 * them), so it is always finite.
 */
export function klDivergence(reference: readonly number[], current: readonly number[]): number {
  const [r, c] = sharesOf(reference, current).map(fillEmptyShares) as [number[], number[]];
  return relativeEntropy(r, c);
}

/**
 * `scipy.spatial.distance.jensenshannon(p, q)` with base e: √((D(p‖m) + D(q‖m))/2), m = (p + q)/2,
 * on normalised inputs without zero filling. In [0, √ln 2 ≈ 0.8326]; 0 for identical histograms.
 */
export function jensenShannonDistance(p: readonly number[], q: readonly number[]): number {
  const [pShares, qShares] = sharesOf(p, q);
  let left = 0;
  let right = 0;
  for (let i = 0; i < pShares.length; i++) {
    const m = (pShares[i]! + qShares[i]!) / 2;
    left += relativeEntropyTerm(pShares[i]!, m);
    right += relativeEntropyTerm(qShares[i]!, m);
  }
  return Math.sqrt((left + right) / 2);
}

/**
 * Hellinger distance as Evidently computes it: √(1 − clip(Σ √(pᵢ·qᵢ), 0, 1)) on normalised inputs.
 * In [0, 1]: 0 for identical histograms, 1 for disjoint ones.
 */
export function hellingerDistance(p: readonly number[], q: readonly number[]): number {
  const [pShares, qShares] = sharesOf(p, q);
  let coefficient = 0;
  for (let i = 0; i < pShares.length; i++) coefficient += Math.sqrt(pShares[i]! * qShares[i]!);
  return Math.sqrt(1 - Math.min(Math.max(coefficient, 0), 1));
}

/** L-infinity distance (NannyML's `l_infinity`): maxᵢ |pᵢ − qᵢ| on normalised inputs, in [0, 1]. */
export function lInfinityDistance(p: readonly number[], q: readonly number[]): number {
  const [pShares, qShares] = sharesOf(p, q);
  let largest = 0;
  for (let i = 0; i < pShares.length; i++) largest = Math.max(largest, Math.abs(pShares[i]! - qShares[i]!));
  return largest;
}
