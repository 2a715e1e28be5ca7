/**
 * P(Dₙ ≤ d) for the two-sided one-sample Kolmogorov statistic by Durbin's matrix algorithm, as
 * Marsaglia, Tsang and Wang (2003) compute it: a port of SciPy's `_kolmogn_DMTW`
 * (`scipy/stats/_ksstats.py`). With d = (k − h)/n, the answer is n!/nⁿ · (Hⁿ)[k−1][k−1] for an
 * m×m matrix H, m = 2k − 1. Cost O(m³·log n): SciPy uses it only where m stays small.
 */
import { SCALE_DOWN, SCALE_EXPONENT, SCALE_UP, scaleByPowerOfTwo } from './power-of-two-scaling';

function multiply(a: Float64Array, b: Float64Array, m: number): Float64Array {
  const out = new Float64Array(m * m);
  for (let i = 0; i < m; i++) {
    for (let k = 0; k < m; k++) {
      const aik = a[i * m + k]!;
      if (aik === 0) continue;
      for (let j = 0; j < m; j++) out[i * m + j]! += aik * b[k * m + j]!;
    }
  }
  return out;
}

function initialMatrix(h: number, m: number): Float64Array {
  const v = new Float64Array(m); // first column: (1 − h^(j+1))/(j+1)!
  const w = new Float64Array(m); // w[j] = 1/j!
  let factorial = 1;
  for (let j = 1; j <= m; j++) {
    w[j - 1] = factorial;
    factorial /= j;
    v[j - 1] = (1 - h ** j) * factorial;
  }
  v[m - 1] = (1 + (Math.max(2 * h - 1, 0) ** m - 2 * h ** m)) * factorial;
  const matrix = new Float64Array(m * m);
  for (let column = 1; column < m; column++) {
    for (let row = column - 1; row < m; row++) matrix[row * m + column] = w[row - column + 1]!;
  }
  for (let row = 0; row < m; row++) matrix[row * m] = v[row]!;
  for (let column = 0; column < m; column++) matrix[(m - 1) * m + column] = v[m - 1 - column]!;
  return matrix;
}

/** P(Dₙ ≤ d), clipped to [0, 1]. d ≥ 1 gives 1 and n·d ≤ ½ gives 0. */
export function durbinMatrixCdf(n: number, d: number): number {
  if (d >= 1) return 1;
  const nd = n * d;
  if (nd <= 0.5) return 0;
  const k = Math.ceil(nd);
  const m = 2 * k - 1;
  const pivot = (k - 1) * m + (k - 1);

  let h = initialMatrix(k - nd, m);
  let power: Float64Array | undefined;
  let exponent = 0; // power holds H^(bits so far) · 2^(−exponent)
  let hExponent = 0;
  for (let remaining = n; remaining > 0; remaining = Math.floor(remaining / 2)) {
    if (remaining % 2 === 1) {
      power = power === undefined ? h : multiply(power, h, m);
      exponent += hExponent;
    }
    h = multiply(h, h, m);
    hExponent *= 2;
    if (Math.abs(h[pivot]!) > SCALE_UP) {
      for (let i = 0; i < h.length; i++) h[i]! *= SCALE_DOWN;
      hExponent += SCALE_EXPONENT;
    }
  }

  let p = power![pivot]!;
  for (let i = 1; i <= n; i++) {
    p = (i * p) / n; // multiply by n!/nⁿ one factor at a time
    if (Math.abs(p) < SCALE_DOWN) {
      p *= SCALE_UP;
      exponent -= SCALE_EXPONENT;
    }
  }
  return Math.min(Math.max(scaleByPowerOfTwo(p, exponent), 0), 1);
}
