import { describe, expect, it } from 'vitest';
import { describeRule, driftMethodNames, driftMethods, isDrifted } from './drift-methods';

describe('drift methods', () => {
  it('has Evidently’s default thresholds', () => {
    const thresholds = Object.fromEntries(driftMethodNames.map((name) => [name, driftMethods[name].defaultThreshold]));
    expect(thresholds).toEqual({
      ks: 0.05,
      chisquare: 0.05,
      z: 0.05,
      wasserstein: 0.1,
      jensenshannon: 0.1,
      psi: 0.1,
      kl_div: 0.1,
      hellinger: 0.1,
      l_infinity: 0.1,
    });
  });

  it('KS drifts at p ≤ threshold, chi-square and z only below it', () => {
    expect(isDrifted(driftMethods.ks, 0.05, 0.05)).toBe(true);
    expect(isDrifted(driftMethods.chisquare, 0.05, 0.05)).toBe(false);
    expect(isDrifted(driftMethods.z, 0.049, 0.05)).toBe(true);
    expect(isDrifted(driftMethods.ks, 0.051, 0.05)).toBe(false);
  });

  it('distances drift at score ≥ threshold', () => {
    expect(isDrifted(driftMethods.psi, 0.1, 0.1)).toBe(true);
    expect(isDrifted(driftMethods.wasserstein, 0.0999, 0.1)).toBe(false);
  });

  it('never drifts on a NaN score', () => {
    expect(isDrifted(driftMethods.ks, NaN, 0.05)).toBe(false);
    expect(isDrifted(driftMethods.psi, NaN, 0.1)).toBe(false);
  });
});

describe('describeRule', () => {
  it('states the score, the comparison that holds and the threshold', () => {
    expect(describeRule(driftMethods.wasserstein, 0.1734, 0.1)).toBe('Wasserstein (normed) 0.17 ≥ 0.1');
    expect(describeRule(driftMethods.wasserstein, 0.03, 0.1)).toBe('Wasserstein (normed) 0.03 < 0.1');
    expect(describeRule(driftMethods.ks, 0.012, 0.05)).toBe('KS p-value 0.012 ≤ 0.05');
    expect(describeRule(driftMethods.ks, 0.31, 0.05)).toBe('KS p-value 0.31 > 0.05');
    expect(describeRule(driftMethods.chisquare, 0.05, 0.05)).toBe('Chi-square p-value 0.05 ≥ 0.05');
    expect(describeRule(driftMethods.z, 3.2e-12, 0.05)).toBe('Z-test p-value 3.2e-12 < 0.05');
    expect(describeRule(driftMethods.wasserstein, 512.25, 0.1)).toBe('Wasserstein (normed) 512.25 ≥ 0.1');
  });

  it('adds digits until score and threshold read differently', () => {
    expect(describeRule(driftMethods.psi, 0.09996, 0.1)).toBe('PSI 0.09996 < 0.1');
  });

  it('says "vs" for a NaN score', () => {
    expect(describeRule(driftMethods.psi, NaN, 0.1)).toBe('PSI NaN vs 0.1');
  });
});
