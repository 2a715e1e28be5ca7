import { describe, expect, it } from 'vitest';
import { expectScipy, fixtures } from './fixtures/scipy-fixtures';
import { normalTwoSidedPValue, zTestDrift, zTestProportions } from './z-test';

describe('zTestDrift (Evidently z)', () => {
  it.each(fixtures.histograms.map((c) => [c.name, c] as const))('equals Evidently, p-value from SciPy: %s', (_, c) => {
    const result = zTestDrift(c.reference, c.current);
    expectScipy(result.statistic, c.zTest.statistic, 'value', 'z');
    expectScipy(result.pValue, c.zTest.pValue, 'p-value', '2·norm.sf(|z|)');
    // Evidently's own 2·(1 − Φ(|z|)) differs only by its rounding near 1.
    expect(Math.abs(result.pValue - c.zTest.pValueEvidently)).toBeLessThan(1e-15);
  });

  it('uses the first bin that is not empty on both sides as "the first category"', () => {
    expect(zTestDrift([0, 30, 70], [0, 40, 60])).toEqual(zTestDrift([30, 70], [40, 60]));
  });

  it('gives p = 1 when both samples hold one and the same value', () => {
    expect(zTestDrift([50, 0], [20, 0])).toEqual({ statistic: 0, pValue: 1 });
    expect(zTestProportions(0, 10, 0, 5)).toEqual({ statistic: 0, pValue: 1 });
  });

  it('rejects empty samples and impossible counts', () => {
    expect(() => zTestDrift([0, 0], [1, 1])).toThrow(RangeError);
    expect(() => zTestDrift([1, 1], [1])).toThrow(/same bins/);
    expect(() => zTestProportions(11, 10, 1, 10)).toThrow(RangeError);
    expect(() => zTestProportions(1, 0, 1, 10)).toThrow(RangeError);
  });
});

describe('normalTwoSidedPValue', () => {
  it('equals 2·scipy.stats.norm.sf(|z|), relatively far into the tail', () => {
    for (const { z, pValue } of fixtures.normal) expectScipy(normalTwoSidedPValue(z), pValue, 'p-value', `z = ${z}`);
  });

  it('is 0.05 at z = 1.96', () => {
    expect(normalTwoSidedPValue(1.959963984540054)).toBeCloseTo(0.05, 12);
  });
});
