import { describe, expect, it } from 'vitest';
import { chiSquareDriftTest, chiSquareTest } from './chi-square';
import { expectScipy, fixtures } from './fixtures/scipy-fixtures';

describe('chiSquareTest (scipy.stats.chisquare)', () => {
  it.each(fixtures.chisquare.map((c) => [JSON.stringify(c.observed), c] as const))('equals SciPy for %s', (_, c) => {
    const result = chiSquareTest(c.observed, c.expected);
    expectScipy(result.statistic, c.statistic, 'value', 'statistic');
    expectScipy(result.pValue, c.pValue, 'p-value', 'p-value');
    expect(result.degreesOfFreedom).toBe(c.observed.length - 1);
  });

  it('has no degrees of freedom for one bin (p-value NaN, as SciPy)', () => {
    expect(chiSquareTest([5], [5])).toEqual({ statistic: 0, pValue: NaN, degreesOfFreedom: 0 });
  });

  it('gives NaN for a bin expected and observed empty, as SciPy', () => {
    expect(chiSquareTest([5, 0, 5], [5, 0, 5]).pValue).toBeNaN();
  });

  it('rejects totals that disagree, mismatched lengths and empty input', () => {
    expect(() => chiSquareTest([10, 10], [10, 11])).toThrow(/differ/);
    expect(() => chiSquareTest([10, 10], [20])).toThrow(RangeError);
    expect(() => chiSquareTest([], [])).toThrow(RangeError);
  });
});

describe('chiSquareDriftTest (Evidently chisquare)', () => {
  it.each(fixtures.histograms.map((c) => [c.name, c] as const))('equals Evidently + SciPy: %s', (_, c) => {
    const result = chiSquareDriftTest(c.reference, c.current);
    expectScipy(result.statistic, c.chiSquare.statistic, 'value', 'statistic');
    expectScipy(result.pValue, c.chiSquare.pValue, 'p-value', 'p-value');
  });

  it('drops bins empty on both sides before counting degrees of freedom', () => {
    expect(chiSquareDriftTest([10, 0, 20], [12, 0, 18])).toEqual(chiSquareDriftTest([10, 20], [12, 18]));
  });

  it('calls one category "no drift" (p = 1) where SciPy would return NaN', () => {
    expect(chiSquareDriftTest([40, 0], [7, 0])).toEqual({ statistic: 0, pValue: 1, degreesOfFreedom: 0 });
  });

  it('gives p = 0 for a category the reference never saw', () => {
    expect(chiSquareDriftTest([10, 10, 0], [10, 10, 1]).pValue).toBe(0);
  });

  it('rejects an empty reference or current window', () => {
    expect(() => chiSquareDriftTest([0, 0], [1, 2])).toThrow(/empty/);
    expect(() => chiSquareDriftTest([1, 2], [0, 0])).toThrow(/empty/);
    expect(() => chiSquareDriftTest([1, 2], [1])).toThrow(/same bins/);
  });
});
