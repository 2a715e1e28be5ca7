import { describe, expect, it } from 'vitest';
import { expectScipy, fixtures, sample } from './fixtures/scipy-fixtures';
import { normedWasserstein, populationStd, wassersteinDistance } from './wasserstein';

describe('wassersteinDistance (scipy.stats.wasserstein_distance)', () => {
  it.each(fixtures.wasserstein.map((c) => [`${c.a} vs ${c.b}`, c] as const))('equals SciPy: %s', (_, c) => {
    expectScipy(wassersteinDistance(sample(c.a), sample(c.b)), c.distance, 'value', 'distance');
    expectScipy(populationStd(sample(c.a)), c.referenceStd, 'value', 'np.std');
    expectScipy(normedWasserstein(sample(c.a), sample(c.b)), c.normed, 'value', 'normed');
  });

  it('is the shift between a sample and its translate, and 0 for identical samples', () => {
    expect(wassersteinDistance([0, 1, 2], [5, 6, 7])).toBe(5);
    expect(wassersteinDistance([4, 4, 1], [1, 4, 4])).toBe(0);
    expect(wassersteinDistance([3], [3])).toBe(0);
  });

  it('rejects empty samples and non-finite values', () => {
    expect(() => wassersteinDistance([], [1])).toThrow(RangeError);
    expect(() => wassersteinDistance([1], [NaN])).toThrow(RangeError);
  });
});

describe('normedWasserstein (Evidently)', () => {
  it('divides by the population std of the reference (ddof = 0)', () => {
    // reference [0, 2]: W1 to [1, 3] is 1, np.std is 1 (the sample std would be √2).
    expect(normedWasserstein([0, 2], [1, 3])).toBe(1);
  });

  it('divides a zero-variance reference by 0.001', () => {
    expect(normedWasserstein([5, 5, 5], [5, 5, 5])).toBe(0);
    expect(normedWasserstein([5, 5, 5], [5.5])).toBeCloseTo(500, 9);
    expect(normedWasserstein([5], [5.5])).toBeCloseTo(500, 9);
  });
});
