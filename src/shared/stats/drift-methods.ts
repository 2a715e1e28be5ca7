/**
 * The drift methods Sextant offers, with Evidently's names, display names, default thresholds and
 * drift rules (its `StatTest` registry), plus NannyML's L-infinity. A p-value method flags drift
 * when the p-value is below the threshold (KS: at or below); a distance flags it at or above.
 */

export const driftMethodNames = [
  'ks',
  'chisquare',
  'z',
  'wasserstein',
  'jensenshannon',
  'psi',
  'kl_div',
  'hellinger',
  'l_infinity',
] as const;
export type DriftMethodName = (typeof driftMethodNames)[number];

export type FeatureType = 'numeric' | 'categorical';

export interface DriftMethod {
  name: DriftMethodName;
  /** Evidently's display name (NannyML's for L-infinity). */
  displayName: string;
  /** The short name used in rule strings, e.g. "Wasserstein (normed) 0.17 ≥ 0.1". */
  label: string;
  scoreKind: 'p-value' | 'distance';
  defaultThreshold: number;
  /** A p-value method drifts at p = threshold only when inclusive (KS); a distance always does. */
  inclusive: boolean;
  /** What it compares: raw samples (KS, Wasserstein) or counts on shared bins. */
  input: 'samples' | 'bins';
  featureTypes: readonly FeatureType[];
}

const both = ['numeric', 'categorical'] as const;
const distance = { scoreKind: 'distance', defaultThreshold: 0.1, inclusive: true, input: 'bins', featureTypes: both } as const;

export const driftMethods: Record<DriftMethodName, DriftMethod> = {
  ks: {
    name: 'ks',
    displayName: 'K-S p_value',
    label: 'KS p-value',
    scoreKind: 'p-value',
    defaultThreshold: 0.05,
    inclusive: true,
    input: 'samples',
    featureTypes: ['numeric'],
  },
  chisquare: {
    name: 'chisquare',
    displayName: 'chi-square p_value',
    label: 'Chi-square p-value',
    scoreKind: 'p-value',
    defaultThreshold: 0.05,
    inclusive: false,
    input: 'bins',
    featureTypes: both,
  },
  z: {
    name: 'z',
    displayName: 'Z-test p_value',
    label: 'Z-test p-value',
    scoreKind: 'p-value',
    defaultThreshold: 0.05,
    inclusive: false,
    input: 'bins',
    featureTypes: both,
  },
  wasserstein: {
    ...distance,
    name: 'wasserstein',
    displayName: 'Wasserstein distance (normed)',
    label: 'Wasserstein (normed)',
    input: 'samples',
    featureTypes: ['numeric'],
  },
  jensenshannon: { ...distance, name: 'jensenshannon', displayName: 'Jensen-Shannon distance', label: 'Jensen-Shannon' },
  psi: { ...distance, name: 'psi', displayName: 'PSI', label: 'PSI' },
  kl_div: { ...distance, name: 'kl_div', displayName: 'Kullback-Leibler divergence', label: 'KL divergence' },
  hellinger: { ...distance, name: 'hellinger', displayName: 'Hellinger distance', label: 'Hellinger' },
  // NannyML learns its thresholds from reference chunks; 0.1 is Sextant's default, like the other distances.
  l_infinity: { ...distance, name: 'l_infinity', displayName: 'L-infinity distance', label: 'L-infinity' },
};

/** The drift rule; a NaN score never drifts (as Evidently's comparisons). */
export function isDrifted(method: DriftMethod, score: number, threshold: number): boolean {
  if (method.scoreKind === 'distance') return score >= threshold;
  return method.inclusive ? score <= threshold : score < threshold;
}

function formatNumber(x: number, digits: number): string {
  if (x === 0 || Number.isNaN(x)) return String(x);
  if (!Number.isFinite(x)) return x > 0 ? '∞' : '−∞';
  const magnitude = Math.abs(x);
  if (magnitude < 1e-3 || magnitude >= 1e6) return x.toExponential(digits - 1);
  if (magnitude >= 1) return String(Number(x.toFixed(digits)));
  return String(Number(x.toPrecision(digits)));
}

/**
 * A human rule such as "Wasserstein (normed) 0.17 ≥ 0.1" or "KS p-value 0.31 > 0.05": the score,
 * the comparison that holds, and the threshold, with as many digits as it takes to tell them apart.
 */
export function describeRule(method: DriftMethod, score: number, threshold: number): string {
  const drifted = isDrifted(method, score, threshold);
  let operator: string;
  if (method.scoreKind === 'distance') operator = drifted ? '≥' : '<';
  else if (method.inclusive) operator = drifted ? '≤' : '>';
  else operator = drifted ? '<' : '≥';
  if (Number.isNaN(score)) operator = 'vs';
  let digits = 2;
  while (digits < 8 && score !== threshold && formatNumber(score, digits) === formatNumber(threshold, digits)) digits++;
  return `${method.label} ${formatNumber(score, digits)} ${operator} ${formatNumber(threshold, digits)}`;
}
