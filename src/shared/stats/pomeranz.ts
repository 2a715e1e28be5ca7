/**
 * P(Dₙ ≤ x) for the two-sided one-sample Kolmogorov statistic by Pomeranz's recursion (1974): a
 * port of SciPy's `_kolmogn_Pomeranz` (`scipy/stats/_ksstats.py`). Each of the 2n + 1 rows is the
 * previous row convolved with (almost) Poisson probabilities; only a short window of each row can
 * be non-zero, and rows are rescaled by 2^128 to avoid underflow.
 */
import { SCALE_DOWN, SCALE_EXPONENT, SCALE_UP, scaleByPowerOfTwo } from './power-of-two-scaling';

/** The first and last (inclusive) non-zero column of row i. */
function rowWindow(i: number, n: number, ll: number, ceilF: number, roundF: number): [number, number] {
  let j1: number;
  let j2: number;
  if (i === 0) {
    j1 = -ll - ceilF - 1;
    j2 = ll + ceilF - 1;
  } else {
    const half = Math.floor((i + 1) / 2);
    if ((i + 1) % 2 === 0) {
      if (half === n + 1) {
        j1 = n - ll - ceilF - 1;
        j2 = n + ll + ceilF - 1;
      } else {
        j1 = half - 1 - ll - roundF - 1;
        j2 = half + ll - 1 + ceilF - 1;
      }
    } else {
      j1 = half - 1 - ll - 1;
      j2 = half + ll + roundF - 1;
    }
  }
  return [Math.max(j1 + 2, 0), Math.min(j2, n)];
}

/** powers[m] = (base/n)^m / m!, for m < count. */
function scaledPowers(base: number, n: number, count: number): Float64Array {
  const powers = new Float64Array(count);
  powers[0] = 1;
  for (let m = 1; m < count; m++) powers[m] = (powers[m - 1]! * (base / n)) / m;
  return powers;
}

/** P(Dₙ ≤ x), clipped to [0, 1], for 0 < x < 1. */
export function pomeranzCdf(n: number, x: number): number {
  const t = n * x;
  const ll = Math.floor(t);
  const f = t - ll;
  const g = Math.min(f, 1 - f);
  const ceilF = f > 0 ? 1 : 0;
  const roundF = f > 0.5 ? 1 : 0;
  const width = 2 * (ll + 1);
  const gPowers = scaledPowers(g, n, width);
  const twoGPowers = scaledPowers(2 * g, n, width);
  const oneMinusTwoGPowers = scaledPowers(1 - 2 * g, n, width);

  let previous = new Float64Array(width);
  let current = new Float64Array(width);
  current[0] = 1;
  let previousStart = 0;
  let currentStart = 0;
  let exponent = 0;
  let [j1, j2] = rowWindow(0, n, ll, ceilF, roundF);
  for (let i = 1; i < 2 * n + 2; i++) {
    const k1 = j1;
    [previous, current] = [current, previous];
    [previousStart, currentStart] = [currentStart, previousStart];
    current.fill(0);
    [j1, j2] = rowWindow(i, n, ll, ceilF, roundF);
    const powers = i === 1 || i === 2 * n + 1 ? gPowers : i % 2 === 1 ? twoGPowers : oneMinusTwoGPowers;
    const length = j2 - k1 + 1;
    if (length <= 0) continue;
    // current[c] = Σ_a previous[k1 − previousStart + a]·powers[b] over a + b = c + j1 − k1 (numpy's convolve, sliced)
    const offset = k1 - previousStart;
    const available = Math.max(0, Math.min(length, width - offset));
    const powerCount = Math.min(length, width);
    const shift = j1 - k1;
    let largest = 0;
    for (let c = 0; c <= j2 - j1; c++) {
      const target = c + shift;
      let sum = 0;
      for (let a = Math.max(0, target - powerCount + 1); a <= Math.min(target, available - 1); a++) {
        sum += previous[offset + a]! * powers[target - a]!;
      }
      current[c] = sum;
      largest = Math.max(largest, sum);
    }
    if (largest > 0 && largest < SCALE_DOWN) {
      for (let c = 0; c < width; c++) current[c]! *= SCALE_UP;
      exponent -= SCALE_EXPONENT;
    }
    currentStart = previousStart + j1 - k1;
  }

  let answer = current[n - currentStart]!;
  for (let m = 1; m <= n; m++) {
    if (Math.abs(answer) > SCALE_UP) {
      answer *= SCALE_DOWN;
      exponent += SCALE_EXPONENT;
    }
    answer *= m; // times n!
  }
  return Math.min(Math.max(scaleByPowerOfTwo(answer, exponent), 0), 1);
}
