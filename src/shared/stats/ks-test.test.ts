import { describe, expect, it } from 'vitest';
import { expectScipy, fixtures, sample } from './fixtures/scipy-fixtures';
import { roundHalfEven } from './ks-exact';
import { ksTwoSample } from './ks-test';

describe('ksTwoSample (scipy.stats.ks_2samp, method auto)', () => {
  it.each(fixtures.ks2samp.map((c) => [`${c.a} vs ${c.b}`, c] as const))('equals SciPy: %s', (_, c) => {
    const result = ksTwoSample(sample(c.a), sample(c.b));
    expect(result.method).toBe(c.method);
    expectScipy(result.statistic, c.statistic, 'value', 'statistic');
    expectScipy(result.pValue, c.pValue, 'p-value', 'p-value');
  });

  it('is symmetric in its samples', () => {
    const a = sample('small_a');
    const b = sample('small_b');
    expect(ksTwoSample(a, b)).toEqual(ksTwoSample(b, a));
  });

  it('gives D = 0 and p = 1 for identical samples, including single values', () => {
    expect(ksTwoSample([1, 2, 3], [3, 2, 1])).toEqual({ statistic: 0, pValue: 1, method: 'exact' });
    expect(ksTwoSample([7], [7])).toEqual({ statistic: 0, pValue: 1, method: 'exact' });
  });

  it('does not modify its inputs', () => {
    const a = [3, 1, 2];
    ksTwoSample(a, [0.5]);
    expect(a).toEqual([3, 1, 2]);
  });

  it('rejects empty samples and non-finite values (callers filter them)', () => {
    expect(() => ksTwoSample([], [1])).toThrow(/must not be empty/);
    expect(() => ksTwoSample([1], [])).toThrow(/must not be empty/);
    expect(() => ksTwoSample([1, NaN], [1])).toThrow(/non-finite/);
    expect(() => ksTwoSample([1], [Infinity])).toThrow(/non-finite/);
  });
});

describe('roundHalfEven (numpy.round)', () => {
  it('rounds halves to the even neighbour', () => {
    expect([0.5, 1.5, 2.5, 3.5, 2.4, 2.6, 7].map(roundHalfEven)).toEqual([0, 2, 2, 4, 2, 3, 7]);
  });
});
