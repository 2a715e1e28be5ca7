import { describe, expect, it } from 'vitest';
import { datasetDrift, evaluateDatasetDrift } from './dataset-drift';

const verdicts = (...drifted: boolean[]) => drifted.map((d) => ({ drifted: d }));

describe('datasetDrift (Evidently get_dataset_drift)', () => {
  it('flags the dataset when the drifted share reaches 0.5', () => {
    expect(datasetDrift(verdicts(true, false))).toEqual({
      driftedCount: 1,
      featureCount: 2,
      share: 0.5,
      driftShare: 0.5,
      drifted: true,
    });
    expect(datasetDrift(verdicts(true, false, false)).drifted).toBe(false);
  });

  it('takes another drift share', () => {
    expect(datasetDrift(verdicts(true, false, false, false), 0.25).drifted).toBe(true);
    expect(datasetDrift(verdicts(true, true, true, false), 1).drifted).toBe(false);
  });

  it('reports share 0 and no drift for no features', () => {
    expect(datasetDrift([])).toMatchObject({ featureCount: 0, share: 0, drifted: false });
  });

  it('rejects a drift share outside (0, 1]', () => {
    expect(() => datasetDrift([], 0)).toThrow(RangeError);
    expect(() => datasetDrift([], 1.5)).toThrow(RangeError);
  });
});

describe('evaluateDatasetDrift', () => {
  const features = {
    country: {
      featureType: 'categorical' as const,
      referenceRows: 100,
      uniqueCount: 3,
      referenceCounts: [50, 30, 20],
      currentCounts: [20, 30, 50],
    },
    plan: {
      featureType: 'categorical' as const,
      referenceRows: 100,
      uniqueCount: 2,
      referenceCounts: [50, 50],
      currentCounts: [49, 51],
    },
    constructor: {
      featureType: 'numeric' as const,
      referenceRows: 100,
      uniqueCount: 30,
      referenceSample: [1, 2, 3, 4, 5, 6, 7],
      currentSample: [1, 2, 3, 4, 5, 6, 7],
    },
  };

  it('evaluates each feature in order, with per-feature overrides, and the share', () => {
    const result = evaluateDatasetDrift(features, { overrides: { plan: { method: 'psi', threshold: 0.0001 } } });
    expect(result.features.map(({ feature, method, drifted }) => [feature, method, drifted])).toEqual([
      ['country', 'chisquare', true],
      ['plan', 'psi', true],
      ['constructor', 'ks', false],
    ]);
    expect(result).toMatchObject({ driftedCount: 2, featureCount: 3, drifted: true });
  });

  it('ignores names that only exist on Object.prototype', () => {
    expect(evaluateDatasetDrift(features).features[2]).toMatchObject({ feature: 'constructor', method: 'ks' });
  });
});
