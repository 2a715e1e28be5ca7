/**
 * The one-sided Kolmogorov–Smirnov (Smirnov) survival function P(D⁺ₙ ≥ x), a port of
 * `scipy.special.smirnov` (xsf `cephes/kolmogorov.h`). SciPy sums in double-double; this sums the
 * same positive terms in log space from an exactly split n·x, which keeps about 12 significant
 * digits (the parity fixtures check 1e-9 relative).
 */

/** cephes MINLOG, ln(2^−1022): e^(−2nx²) below it underflows, and so does the tail. */
const MIN_LOG = -708.3964185322641;
/** Above this n SciPy switches to an approximation rather than summing n terms. */
const MAX_COMPUTE_N = 1_000_000;

/** Dekker's exact product: a·b = hi + lo with both doubles. */
function exactProduct(a: number, b: number): [number, number] {
  const hi = a * b;
  const splitA = 134217729 * a;
  const aHi = splitA - (splitA - a);
  const aLo = a - aHi;
  const splitB = 134217729 * b;
  const bHi = splitB - (splitB - b);
  const bLo = b - bHi;
  return [hi, aHi * bHi - hi + aHi * bLo + aLo * bHi + aLo * bLo];
}

/**
 * Smirnov's one-sided statistic: P(D⁺ₙ ≥ x) = Σ_{v=0}^{⌊n(1−x)⌋} C(n,v)·x·(x + v/n)^(v−1)·(1 − x − v/n)^(n−v)
 * (Birnbaum–Tingey). Defined for integer n ≥ 1 and 0 ≤ x ≤ 1; NaN outside.
 */
export function smirnovSurvival(n: number, x: number): number {
  if (!(n >= 1 && Number.isInteger(n) && x >= 0 && x <= 1)) return NaN;
  if (n === 1) return 1 - x;
  if (x === 0) return 1;
  if (x === 1) return 0;

  const [nxHi, nxLo] = exactProduct(n, x);
  let nxFloor = Math.floor(nxHi);
  let alpha = nxHi - nxFloor + nxLo;
  if (alpha < 0) {
    nxFloor -= 1;
    alpha += 1;
  } else if (alpha >= 1) {
    nxFloor += 1;
    alpha -= 1;
  }

  if (nxFloor === 0 || (nxFloor === 1 && alpha === 0)) return 1 - x * Math.exp((n - 1) * Math.log1p(x)); // x ≤ 1/n
  if (-2 * n * x * x < MIN_LOG) return 0;
  if (nxFloor >= n - 1) return Math.pow(1 - x, n); // x ≥ 1 − 1/n
  if (n > MAX_COMPUTE_N) {
    const logP = -Math.pow(6 * n * x + 1, 2) / 18 / n; // p ≈ e^(−(6nx+1)²/18n)
    return logP < -Math.LN2 ? Math.exp(logP) : 1 + Math.expm1(logP);
  }
  return x * lowerSum(n, x, nxHi, nxLo, n - nxFloor); // v runs to ⌊n(1−x)⌋, excluding a zero term when n·x is whole
}

/** a + b as a rounded sum and its rounding error (Knuth's two-sum). */
function twoSum(a: number, b: number): [number, number] {
  const sum = a + b;
  const bVirtual = sum - a;
  return [sum, a - (sum - bVirtual) + (b - bVirtual)];
}

/**
 * Σ of the terms A_v for v < termCount, stopping early as SciPy does once the rest cannot matter.
 * ln C(n, v) grows to ~n·ln 2 while its increments are ~1, so it is carried with its rounding error
 * (otherwise 10⁵ additions lose 9 digits), and the terms are summed with Neumaier's compensation.
 */
function lowerSum(n: number, x: number, nxHi: number, nxLo: number, termCount: number): number {
  let sum = Math.exp(n * Math.log1p(-x)) / x; // A_0 = (1 − x)^n / x
  let sumError = 0;
  let logBinomial = Math.log(n); // ln C(n, 1)
  let logBinomialError = 0;
  const middle = Math.floor(n / 2);
  for (let v = 1; v < termCount; v++) {
    const low = (v + nxHi + nxLo) / n; // x + v/n
    const high = (n - v - nxHi - nxLo) / n; // 1 − x − v/n, without cancellation
    const logHigh = high < 0.5 ? Math.log(high) : Math.log1p(-low);
    const term = Math.exp(logBinomial + (v - 1) * Math.log(low) + (n - v) * logHigh + logBinomialError);
    if (term !== 0) {
      const [next, error] = twoSum(sum, term);
      sum = next;
      sumError += error;
      if (4 * (termCount - v) * term < Number.EPSILON * sum && v !== termCount - 1) break;
    } else if (v > middle) {
      break;
    }
    const [nextLog, logError] = twoSum(logBinomial, Math.log((n - v) / (v + 1)));
    logBinomial = nextLog;
    logBinomialError += logError;
  }
  return sum + sumError;
}
