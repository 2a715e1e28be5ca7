import { describe, expect, it } from 'vitest';
import { durbinMatrixCdf } from './durbin-matrix';
import { expectScipy, fixtures } from './fixtures/scipy-fixtures';
import { kolmogorovSurvival } from './kolmogorov-distribution';
import { pelzGoodCdf } from './pelz-good';
import { pomeranzCdf } from './pomeranz';
import { smirnovSurvival } from './smirnov';

describe('kolmogorovSurvival (scipy.stats.kstwo.sf)', () => {
  it('equals SciPy over every branch: Ruben–Gambino, Smirnov, Durbin, Pomeranz, Pelz–Good', () => {
    for (const { n, x, sf } of fixtures.kstwo) expectScipy(kolmogorovSurvival(n, x), sf, 'p-value', `kstwo.sf(${x}, ${n})`);
  });

  it('is 1 at or below 1/(2n) and 0 at or above 1', () => {
    expect(kolmogorovSurvival(10, 0)).toBe(1);
    expect(kolmogorovSurvival(10, 0.05)).toBe(1);
    expect(kolmogorovSurvival(10, 1)).toBe(0);
    expect(kolmogorovSurvival(10, 1.5)).toBe(0);
  });

  it('is NaN for a non-integer or non-positive n, or a NaN x', () => {
    expect(kolmogorovSurvival(2.5, 0.3)).toBeNaN();
    expect(kolmogorovSurvival(0, 0.3)).toBeNaN();
    expect(kolmogorovSurvival(10, NaN)).toBeNaN();
  });
});

describe('the exact algorithms agree where their ranges overlap', () => {
  it('Durbin matrix and Pomeranz recursion give the same CDF', () => {
    for (const [n, x] of [
      [10, 0.2],
      [50, 0.12],
      [100, 0.09],
      [140, 0.05],
    ] as const) {
      expect(Math.abs(durbinMatrixCdf(n, x) - pomeranzCdf(n, x))).toBeLessThan(1e-12);
    }
  });

  it('Pelz–Good approximates them for large n', () => {
    expect(Math.abs(pelzGoodCdf(5000, 0.01) - durbinMatrixCdf(5000, 0.01))).toBeLessThan(1e-6);
  });
});

describe('smirnovSurvival (scipy.special.smirnov)', () => {
  it('equals SciPy to 1e-9 relative, up to n = 2,000,000', () => {
    for (const { n, x, sf } of fixtures.smirnov) expectScipy(smirnovSurvival(n, x), sf, 'p-value', `smirnov(${n}, ${x})`);
  });

  it('has closed forms at the ends', () => {
    expect(smirnovSurvival(1, 0.3)).toBeCloseTo(0.7, 15);
    expect(smirnovSurvival(5, 0)).toBe(1);
    expect(smirnovSurvival(5, 1)).toBe(0);
    expect(smirnovSurvival(5, 1.2)).toBeNaN();
    expect(smirnovSurvival(0, 0.5)).toBeNaN();
  });
});
