/**
 * The survival function of the two-sided one-sample Kolmogorov statistic, P(Dₙ ≥ x): SciPy's
 * `scipy.stats.kstwo.sf(x, n)`, i.e. `_kolmogn(n, x, cdf=False)` in `scipy/stats/_ksstats.py`.
 * It picks, as Simard and L'Ecuyer (2011) advise, between exact closed forms (Ruben–Gambino),
 * twice the one-sided Smirnov tail, Durbin's matrix, Pomeranz's recursion and Pelz–Good.
 * `ks_2samp` uses it for its asymptotic p-value with n = round(n₁n₂/(n₁+n₂)).
 */
import { durbinMatrixCdf } from './durbin-matrix';
import { pelzGoodCdf } from './pelz-good';
import { pomeranzCdf } from './pomeranz';
import { smirnovSurvival } from './smirnov';

// Bernoulli-number coefficients of Stirling's series, B₂ⱼ/(2j)/(2j−1) for j = 8…1.
const STIRLING = [
  -0.029550653594771242, 0.00641025641025641, -0.0019175269175269176, 0.0008417508417508417,
  -0.0005952380952380953, 0.0007936507936507937, -0.002777777777777778, 0.08333333333333333,
];

/** ln(n!/nⁿ) by Stirling's series, with n·ln(n) removed up front to avoid cancellation. */
function logFactorialOverPower(n: number): number {
  const reciprocal = 1 / n;
  let polynomial = 0;
  for (const coefficient of STIRLING) polynomial = polynomial * (reciprocal / n) + coefficient;
  return Math.log(n) / 2 - n + Math.log(2 * Math.PI) / 2 + reciprocal * polynomial;
}

const clip = (p: number): number => Math.min(Math.max(p, 0), 1);

/**
 * P(Dₙ ≥ x) for integer n ≥ 1 (NaN otherwise). 1 for x ≤ 1/(2n), 0 for x ≥ 1.
 */
export function kolmogorovSurvival(n: number, x: number): number {
  if (!(n >= 1 && Number.isInteger(n)) || Number.isNaN(x)) return NaN;
  if (x >= 1) return 0;
  if (x <= 0) return 1;
  const t = n * x;
  if (t <= 1) {
    // Ruben–Gambino: P(Dₙ ≤ x) = n!/nⁿ·(2t − 1)ⁿ for 1/(2n) ≤ x ≤ 1/n.
    if (t <= 0.5) return 1;
    let cdf: number;
    if (n <= 140) {
      cdf = 1;
      for (let i = 1; i <= n; i++) cdf *= i * (1 / n) * (2 * t - 1);
    } else {
      cdf = Math.exp(logFactorialOverPower(n) + n * Math.log(2 * t - 1));
    }
    return clip(1 - cdf);
  }
  if (t >= n - 1) return clip(2 * (1 - x) ** n); // Ruben–Gambino upper end
  if (x >= 0.5) return clip(2 * smirnovSurvival(n, x)); // D⁺ and D⁻ cannot both exceed ½

  const nxSquared = t * x;
  if (n <= 140) {
    if (nxSquared <= 0.754693) return clip(1 - durbinMatrixCdf(n, x));
    if (nxSquared <= 4) return clip(1 - pomeranzCdf(n, x));
    return clip(2 * smirnovSurvival(n, x)); // Miller's approximation
  }
  if (nxSquared >= 370) return 0;
  if (nxSquared >= 2.2) return clip(2 * smirnovSurvival(n, x));
  const cdf = n <= 100_000 && n * x ** 1.5 <= 1.4 ? durbinMatrixCdf(n, x) : pelzGoodCdf(n, x);
  return clip(1 - cdf);
}
