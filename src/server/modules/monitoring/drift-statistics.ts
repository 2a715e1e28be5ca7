import type { DriftMethod } from '../../../shared/contract/monitoring';
import { chiSquareDriftTest } from '../../../shared/stats/chi-square';
import { describeRule, driftMethods, isDrifted } from '../../../shared/stats/drift-methods';
import { hellingerDistance, jensenShannonDistance, klDivergence, lInfinityDistance, populationStabilityIndex } from '../../../shared/stats/histogram-distances';
import { ksTwoSample } from '../../../shared/stats/ks-test';
import { defaultDriftMethod } from '../../../shared/stats/method-selection';
import { normedWasserstein, type PreparedReference, prepareReference } from '../../../shared/stats/wasserstein';
import { zTestDrift } from '../../../shared/stats/z-test';
import type { DriftInput, DriftStatistics } from './drift-engine';

/**
 * Reference samples sorted once per profile (the sample array is the profile's, loaded once per
 * query or held by the profile cache): drift over time compares one reference with every window.
 */
const preparedReferences = new WeakMap<number[], PreparedReference>();
function prepared(sample: number[]): PreparedReference {
  let reference = preparedReferences.get(sample);
  if (!reference) preparedReferences.set(sample, (reference = prepareReference(sample)));
  return reference;
}

/**
 * The one adapter from the drift engine to the statistics in src/shared/stats (SciPy- and
 * Evidently-equal): bins feed the histogram methods, samples feed KS and Wasserstein.
 */
function score(method: DriftMethod, input: DriftInput): number {
  const ref = input.referenceCounts;
  const cur = input.currentCounts;
  switch (method) {
    case 'ks':
      return ksTwoSample(prepared(input.referenceSample), input.currentSample).pValue;
    case 'wasserstein':
      // Normalised by the population std of the reference sample (Evidently's np.std(reference)).
      return normedWasserstein(prepared(input.referenceSample), input.currentSample);
    case 'chisquare':
      return chiSquareDriftTest(ref, cur).pValue;
    case 'z':
      return zTestDrift(ref, cur).pValue;
    case 'psi':
      return populationStabilityIndex(ref, cur);
    case 'kl_div':
      return klDivergence(ref, cur);
    case 'jensenshannon':
      return jensenShannonDistance(ref, cur);
    case 'hellinger':
      return hellingerDistance(ref, cur);
    case 'l_infinity':
      return lInfinityDistance(ref, cur);
  }
}

export const driftStatistics: DriftStatistics = {
  defaultMethod(type, referenceRows, uniqueValues) {
    const method = defaultDriftMethod(type, referenceRows, uniqueValues);
    return { method, threshold: driftMethods[method].defaultThreshold };
  },
  score,
  drifted: (method, value, threshold) => isDrifted(driftMethods[method], value, threshold),
};

/** Label, direction and the human rule of a result, e.g. "Wasserstein (normed) 0.17 ≥ 0.1". */
export function describeDrift(method: DriftMethod, value: number | null, threshold: number) {
  const info = driftMethods[method];
  return {
    methodLabel: info.displayName,
    scoreKind: info.scoreKind === 'p-value' ? ('p_value' as const) : ('distance' as const),
    rule: value === null ? `${info.label}: no current data` : describeRule(info, value, threshold),
  };
}
