import { describe, expect, it } from 'vitest';
import { expectScipy, fixtures } from './fixtures/scipy-fixtures';
import { logGamma, regularizedGammaP, regularizedGammaQ } from './gamma';

describe('logGamma', () => {
  it('equals scipy.special.gammaln', () => {
    for (const { x, value } of fixtures.logGamma) expectScipy(logGamma(x), value, 'value', `gammaln(${x})`);
  });

  it('is exact enough at the integers', () => {
    expect(Math.exp(logGamma(5))).toBeCloseTo(24, 10);
    expect(logGamma(1)).toBeCloseTo(0, 14);
  });

  it('rejects x ≤ 0 and NaN', () => {
    expect(() => logGamma(0)).toThrow(RangeError);
    expect(() => logGamma(-1)).toThrow(RangeError);
    expect(() => logGamma(NaN)).toThrow(RangeError);
  });
});

describe('regularized incomplete gamma', () => {
  it('equals scipy.special.gammainc and gammaincc, relatively in both tails', () => {
    for (const { a, x, p, q } of fixtures.gamma) {
      expectScipy(regularizedGammaP(a, x), p, 'p-value', `gammainc(${a}, ${x})`);
      expectScipy(regularizedGammaQ(a, x), q, 'p-value', `gammaincc(${a}, ${x})`);
    }
  });

  it('has the limits at 0 and infinity', () => {
    expect(regularizedGammaP(2, 0)).toBe(0);
    expect(regularizedGammaQ(2, 0)).toBe(1);
    expect(regularizedGammaP(2, Infinity)).toBe(1);
    expect(regularizedGammaQ(2, Infinity)).toBe(0);
  });

  it('rejects a ≤ 0, x < 0 and NaN', () => {
    expect(() => regularizedGammaQ(0, 1)).toThrow(RangeError);
    expect(() => regularizedGammaQ(1, -1)).toThrow(RangeError);
    expect(() => regularizedGammaP(NaN, 1)).toThrow(RangeError);
    expect(() => regularizedGammaP(1, NaN)).toThrow(RangeError);
  });
});
