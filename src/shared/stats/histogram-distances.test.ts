import { describe, expect, it } from 'vitest';
import { expectScipy, fixtures } from './fixtures/scipy-fixtures';
import {
  fillEmptyShares,
  hellingerDistance,
  jensenShannonDistance,
  klDivergence,
  lInfinityDistance,
  populationStabilityIndex,
  relativeEntropy,
  toShares,
} from './histogram-distances';

describe('distances on histograms, against SciPy and Evidently', () => {
  it.each(fixtures.histograms.map((c) => [c.name, c] as const))('%s', (_, c) => {
    const { reference: r, current: cur } = c;
    expectScipy(populationStabilityIndex(r, cur), c.psi, 'value', 'PSI');
    expectScipy(klDivergence(r, cur), c.klDiv, 'value', 'kl_div');
    expectScipy(relativeEntropy(r, cur), c.relativeEntropy, 'value', 'scipy.stats.entropy');
    expectScipy(jensenShannonDistance(r, cur), c.jensenShannon, 'value', 'jensenshannon');
    expectScipy(hellingerDistance(r, cur), c.hellinger, 'value', 'Hellinger');
    expectScipy(lInfinityDistance(r, cur), c.lInfinity, 'value', 'L-infinity');
  });
});

describe('bounds and edge cases', () => {
  it('are 0 for identical distributions, whatever the totals', () => {
    for (const f of [populationStabilityIndex, klDivergence, jensenShannonDistance, hellingerDistance, lInfinityDistance]) {
      expect(f([1, 2, 3], [10, 20, 30])).toBeCloseTo(0, 15);
    }
  });

  it('reach their maxima for disjoint distributions', () => {
    expect(jensenShannonDistance([1, 0], [0, 1])).toBeCloseTo(Math.sqrt(Math.LN2), 15);
    expect(hellingerDistance([1, 0], [0, 1])).toBe(1);
    expect(lInfinityDistance([1, 0], [0, 1])).toBe(1);
    expect(relativeEntropy([1, 0], [0, 1])).toBe(Infinity);
    expect(Number.isFinite(klDivergence([1, 0], [0, 1]))).toBe(true);
  });

  it('a single bin holds everything: no drift', () => {
    expect(populationStabilityIndex([5], [7])).toBe(0);
    expect(jensenShannonDistance([5], [7])).toBe(0);
  });

  it('reject mismatched bins, negative or non-finite counts, and empty histograms', () => {
    expect(() => populationStabilityIndex([1, 2], [1])).toThrow(/same bins/);
    expect(() => jensenShannonDistance([1, -1], [1, 1])).toThrow(RangeError);
    expect(() => hellingerDistance([1, NaN], [1, 1])).toThrow(RangeError);
    expect(() => lInfinityDistance([1, Infinity], [1, 1])).toThrow(RangeError);
    expect(() => klDivergence([0, 0], [1, 1])).toThrow(/all be zero/);
    expect(() => toShares([])).toThrow(/all be zero/);
  });
});

describe('fillEmptyShares (Evidently feel_zeroes)', () => {
  it('fills empty bins with 0.0001', () => {
    expect(fillEmptyShares([0.5, 0, 0.5])).toEqual([0.5, 0.0001, 0.5]);
  });

  it('fills with min/10⁶ when the smallest share is ≤ 0.0001, and leaves full bins alone', () => {
    expect(fillEmptyShares([0.99995, 0.00005, 0])).toEqual([0.99995, 0.00005, 0.00005 / 1e6]);
    expect(fillEmptyShares([0.25, 0.75])).toEqual([0.25, 0.75]);
  });
});
