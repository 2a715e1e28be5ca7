import { describe, expect, it } from 'vitest';
import { evaluateFeatureDrift } from './feature-drift';
import { sample } from './fixtures/scipy-fixtures';
import { jensenShannonDistance } from './histogram-distances';
import { ksTwoSample } from './ks-test';
import { normedWasserstein } from './wasserstein';

const referenceSample = sample('medium_a'); // 2000 values
const currentSample = sample('medium_b');

describe('evaluateFeatureDrift with Evidently’s default method', () => {
  it('numeric, large reference, many values: normed Wasserstein against 0.1', () => {
    const result = evaluateFeatureDrift({
      featureType: 'numeric',
      referenceRows: 2000,
      uniqueCount: 3000,
      referenceSample,
      currentSample,
    });
    const score = normedWasserstein(referenceSample, currentSample);
    expect(result).toEqual({
      method: 'wasserstein',
      displayName: 'Wasserstein distance (normed)',
      scoreKind: 'distance',
      score,
      threshold: 0.1,
      drifted: score >= 0.1,
      rule: expect.stringMatching(/^Wasserstein \(normed\) 0\.\d+ [≥<] 0\.1$/),
    });
  });

  it('numeric, small reference, many values: KS p-value against 0.05', () => {
    const a = sample('constant_3');
    const b = sample('near_3');
    const result = evaluateFeatureDrift({
      featureType: 'numeric',
      referenceRows: a.length,
      uniqueCount: 41,
      referenceSample: a,
      currentSample: b,
    });
    expect(result).toMatchObject({ method: 'ks', scoreKind: 'p-value', threshold: 0.05, drifted: true });
    expect(result.score).toBe(ksTwoSample(a, b).pValue);
    expect(result.rule).toBe('KS p-value 4.1e-6 ≤ 0.05');
  });

  it('categorical, small reference: chi-square on counts; binary: z-test', () => {
    const chi = evaluateFeatureDrift({
      featureType: 'categorical',
      referenceRows: 100,
      uniqueCount: 3,
      referenceCounts: [50, 30, 20],
      currentCounts: [20, 30, 50],
    });
    expect(chi).toMatchObject({ method: 'chisquare', displayName: 'chi-square p_value', drifted: true });
    const z = evaluateFeatureDrift({
      featureType: 'categorical',
      referenceRows: 100,
      uniqueCount: 2,
      referenceCounts: [50, 50],
      currentCounts: [48, 52],
    });
    expect(z).toMatchObject({ method: 'z', displayName: 'Z-test p_value', drifted: false });
  });

  it('categorical, large reference: Jensen–Shannon over the categories seen in either sample', () => {
    const result = evaluateFeatureDrift({
      featureType: 'categorical',
      referenceRows: 5000,
      uniqueCount: 3,
      referenceCounts: [2500, 0, 1500, 1000],
      currentCounts: [250, 0, 150, 100],
    });
    expect(result).toMatchObject({ method: 'jensenshannon', score: 0, drifted: false, rule: 'Jensen-Shannon 0 < 0.1' });
  });
});

describe('overrides', () => {
  const input = {
    featureType: 'categorical' as const,
    referenceRows: 5000,
    uniqueCount: 4,
    referenceCounts: [1000, 2000, 1500, 500, 0],
    currentCounts: [100, 180, 160, 60, 0],
  };

  it('replaces the method and keeps that method’s default threshold', () => {
    const result = evaluateFeatureDrift(input, { method: 'psi' });
    expect(result).toMatchObject({ method: 'psi', displayName: 'PSI', threshold: 0.1 });
  });

  it('replaces the threshold alone', () => {
    const result = evaluateFeatureDrift(input, { threshold: 0.01 });
    expect(result.method).toBe('jensenshannon');
    expect(result.threshold).toBe(0.01);
    expect(result.score).toBe(jensenShannonDistance(input.referenceCounts, input.currentCounts));
    expect(result.drifted).toBe(result.score >= 0.01);
  });

  it('drops categories empty on both sides before PSI (Evidently’s categories)', () => {
    const psi = evaluateFeatureDrift(input, { method: 'psi' }).score;
    const withoutEmpty = evaluateFeatureDrift(
      { ...input, referenceCounts: [1000, 2000, 1500, 500], currentCounts: [100, 180, 160, 60] },
      { method: 'psi' },
    ).score;
    expect(psi).toBe(withoutEmpty);
  });

  it('computes every bin method', () => {
    for (const method of ['chisquare', 'z', 'psi', 'kl_div', 'jensenshannon', 'hellinger', 'l_infinity'] as const) {
      expect(Number.isFinite(evaluateFeatureDrift(input, { method }).score)).toBe(true);
    }
  });

  it('rejects numeric-only methods on categorical features, and bad thresholds', () => {
    expect(() => evaluateFeatureDrift(input, { method: 'ks' })).toThrow(/numeric features, not categorical/);
    expect(() => evaluateFeatureDrift(input, { threshold: -1 })).toThrow(RangeError);
    expect(() => evaluateFeatureDrift(input, { threshold: NaN })).toThrow(RangeError);
  });
});

describe('missing or empty data', () => {
  it('names what the method needs', () => {
    expect(() => evaluateFeatureDrift({ featureType: 'numeric', referenceRows: 10, uniqueCount: 10 })).toThrow(
      'ks needs referenceSample',
    );
    expect(() =>
      evaluateFeatureDrift({ featureType: 'categorical', referenceRows: 10, uniqueCount: 3, referenceCounts: [1, 2, 3] }),
    ).toThrow('chisquare needs currentCounts');
  });

  it('lets the statistics reject an empty current window', () => {
    expect(() =>
      evaluateFeatureDrift({
        featureType: 'numeric',
        referenceRows: 5000,
        uniqueCount: 100,
        referenceSample: [1, 2, 3],
        currentSample: [],
      }),
    ).toThrow(/must not be empty/);
  });
});
