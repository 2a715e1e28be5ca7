/**
 * The exact null distribution of the two-sided two-sample Kolmogorov–Smirnov statistic, counted
 * with lattice paths as SciPy does (`_attempt_exact_2kssamp` in `scipy/stats/_stats_py.py` and
 * `_compute_outer_prob_inside_method` in `_stats_pythran.py`; Hodges 1958, Viehmann 2021).
 */

/**
 * P(D ≥ h/n) for two samples of the same size n: 2·Σₖ (−1)^(k+1)·C(2n, n − k·h)/C(2n, n), evaluated
 * as a Horner-like product to avoid the alternating sum's cancellation.
 */
function probabilityOutsideSquare(n: number, h: number): number {
  let p = 0;
  for (let k = Math.floor(n / h); k >= 0; k--) {
    let term = 1;
    for (let j = 0; j < h; j++) term = ((n - k * h - j) * term) / (n + k * h + j + 1);
    p = term * (1 - p);
  }
  return 2 * p;
}

/**
 * P(D ≥ h/lcm) for sizes m ≠ n: the share of lattice paths from (0,0) to (m,n) that leave the band
 * |x/m − y/n| < h/lcm(m,n), computed directly (not as 1 − inside) with a sliding window of one column.
 */
function probabilityOutsideBand(m0: number, n0: number, g: number, h: number): number {
  const [m, n] = m0 >= n0 ? [m0, n0] : [n0, m0];
  const mg = m / g;
  const ng = n / g;
  let minJ = 0;
  let maxJ = Math.min(Math.ceil(h / mg), n + 1);
  let currentLength = maxJ - minJ;
  const a = new Float64Array(Math.min(2 * maxJ + 2, n + 1)).fill(1);
  a.fill(0, minJ, maxJ);
  for (let i = 1; i <= m; i++) {
    const lastMinJ = minJ;
    const lastLength = currentLength;
    minJ = Math.min(Math.max(Math.floor((ng * i - h) / mg) + 1, 0), n);
    maxJ = Math.min(Math.ceil((ng * i + h) / mg), n + 1);
    if (maxJ <= minJ) return 1;
    let value = minJ === 0 ? 0 : 1;
    for (let jj = 0; jj < maxJ - minJ; jj++) {
      const j = jj + minJ;
      value = (a[jj + minJ - lastMinJ]! * i + value * j) / (i + j);
      a[jj] = value;
    }
    currentLength = maxJ - minJ;
    if (lastLength > currentLength) a.fill(1, maxJ - minJ, maxJ - minJ + (lastLength - currentLength));
  }
  return a[maxJ - minJ - 1]!;
}

const gcd = (a: number, b: number): number => (b === 0 ? a : gcd(b, a % b));

/** numpy's round: halves go to the even neighbour. */
export function roundHalfEven(x: number): number {
  const r = Math.round(x);
  return Math.abs(x % 1) === 0.5 && r % 2 !== 0 ? r - 1 : r;
}

/**
 * The exact two-sided p-value for statistic d with sample sizes n1, n2. d is first snapped to the
 * lattice, d = h/lcm(n1, n2), and that snapped d is returned too (SciPy reports it). `ok` is false
 * when the result is not a probability, in which case SciPy falls back to the asymptotic method.
 */
export function exactTwoSampleKs(n1: number, n2: number, d: number): { ok: boolean; statistic: number; pValue: number } {
  const g = gcd(n1, n2);
  const lcm = (n1 / g) * n2;
  const h = roundHalfEven(d * lcm);
  const statistic = h / lcm;
  if (h === 0) return { ok: true, statistic, pValue: 1 };
  const pValue = n1 === n2 ? probabilityOutsideSquare(n1, h) : probabilityOutsideBand(n1, n2, g, h);
  return { ok: pValue >= 0 && pValue <= 1, statistic, pValue };
}
