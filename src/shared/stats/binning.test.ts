import { describe, expect, it } from 'vitest';
import {
  OTHER_CATEGORY,
  compareCodePoints,
  countCategories,
  countIntoBins,
  countOnCategories,
  quantileBinEdges,
  sturgesBinEdges,
  topCategories,
} from './binning';
import { expectScipy, fixtures, sample } from './fixtures/scipy-fixtures';
import { jensenShannonDistance, klDivergence, populationStabilityIndex } from './histogram-distances';

describe('quantileBinEdges', () => {
  it.each(fixtures.quantileEdges.map((c) => [`${c.sample}, ${c.binCount} bins`, c] as const))(
    'equals np.unique(np.quantile(reference, i/k)): %s',
    (_, c) => {
      expect(quantileBinEdges(sample(c.sample), c.binCount)).toEqual(c.edges);
    },
  );

  it('merges tied quantiles and gives a constant reference the single bin [v, v]', () => {
    expect(quantileBinEdges([0, 0, 0, 0, 0, 0, 1, 2, 3, 4], 4)).toEqual([0, 1.75, 4]);
    expect(quantileBinEdges([3, 3, 3])).toEqual([3, 3]);
    expect(countIntoBins([1, 3, 9], [3, 3])).toEqual([3]);
  });

  it('rejects an empty or non-finite reference and a bad bin count', () => {
    expect(() => quantileBinEdges([])).toThrow(RangeError);
    expect(() => quantileBinEdges([1, NaN])).toThrow(RangeError);
    expect(() => quantileBinEdges([1, 2], 0)).toThrow(RangeError);
    expect(() => quantileBinEdges([1, 2], 2.5)).toThrow(RangeError);
  });
});

describe('sturgesBinEdges and countIntoBins against NumPy', () => {
  it.each(fixtures.sturges.map((c) => [`${c.a} ∪ ${c.b}`, c] as const))('%s', (_, c) => {
    const a = sample(c.a);
    const b = sample(c.b);
    const edges = sturgesBinEdges([...a, ...b]);
    expect(edges).toEqual(c.edges);
    expect(countIntoBins(a, edges)).toEqual(c.countsA);
    expect(countIntoBins(b, edges)).toEqual(c.countsB);
    // Evidently's numeric PSI, KL and JS: these bins, each side normalised by its own length.
    if (c.psi !== undefined) expectScipy(populationStabilityIndex(c.countsA, c.countsB), c.psi, 'value', 'PSI');
    if (c.klDiv !== undefined) expectScipy(klDivergence(c.countsA, c.countsB), c.klDiv, 'value', 'kl_div');
    if (c.jensenShannon !== undefined) {
      expectScipy(jensenShannonDistance(c.countsA, c.countsB), c.jensenShannon, 'value', 'JS');
    }
  });
});

describe('countIntoBins', () => {
  it('uses half-open bins [eᵢ, eᵢ₊₁) with the last one closed, like np.histogram', () => {
    expect(countIntoBins([0, 0.5, 1, 1.5, 2], [0, 1, 2])).toEqual([2, 3]);
  });

  it('counts values outside the edges in the outer bins instead of dropping them', () => {
    expect(countIntoBins([-5, 0.5, 7], [0, 1, 2])).toEqual([2, 1]);
  });

  it('gives zero counts for no values, and rejects non-finite values and too few edges', () => {
    expect(countIntoBins([], [0, 1, 2])).toEqual([0, 0]);
    expect(() => countIntoBins([NaN], [0, 1])).toThrow(RangeError);
    expect(() => countIntoBins([1], [0])).toThrow(RangeError);
  });
});

describe('categories', () => {
  const counts = countCategories(['b', 'a', 'c', 'b', 'd', 'b', 'a', 'c', 'e']);

  it('counts each category', () => {
    expect(Object.fromEntries(counts)).toEqual({ a: 2, b: 3, c: 2, d: 1, e: 1 });
  });

  it('keeps the top K (ties by name) in sorted order and sums the rest as "other"', () => {
    expect(topCategories(counts, 2)).toEqual({ categories: ['a', 'b'], counts: [2, 3], otherCount: 4 });
    expect(topCategories(counts, 10)).toEqual({ categories: ['a', 'b', 'c', 'd', 'e'], counts: [2, 3, 2, 1, 1], otherCount: 0 });
    expect(topCategories(counts, 0)).toEqual({ categories: [], counts: [], otherCount: 9 });
  });

  it('counts a window on the reference categories, unknown ones as other', () => {
    expect(countOnCategories(['a', 'z', 'b', 'a', OTHER_CATEGORY], ['a', 'b'])).toEqual({ counts: [2, 1], otherCount: 2 });
  });

  it('sorts strings by code point, as Python does', () => {
    const astral = '\u{1F600}'; // a surrogate pair, which UTF-16 order puts before U+FF5E
    expect(['\uFF5E', astral, 'B', 'a'].sort(compareCodePoints)).toEqual(['B', 'a', '\uFF5E', astral]);
    expect(compareCodePoints('ab', 'a')).toBeGreaterThan(0);
    expect(compareCodePoints('x', 'x')).toBe(0);
  });
});
