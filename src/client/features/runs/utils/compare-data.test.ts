import { describe, expect, it } from 'vitest';
import { buildRunDetail } from '../../../testing/runs-factories';
import { compareRows, parallelCoordinates, scatterPoints } from './compare-data';

const a = buildRunDetail({ runName: 'a', params: { lr: '0.1', model: 'gbm' }, metrics: { rmse: 0.5, acc: 'NaN' } });
const b = buildRunDetail({ runName: 'b', params: { lr: '0.01', model: 'gbm' }, metrics: { rmse: 0.25 } });
const c = buildRunDetail({ runName: 'c', params: { lr: '0.001', model: 'lr' } });

describe('compareRows', () => {
  it('keeps only differing keys when asked', () => {
    const all = compareRows([a, b], 'params', { differencesOnly: false, baseline: 0 });
    expect(all.map((r) => r.key)).toEqual(['lr', 'model']);
    expect(compareRows([a, b], 'params', { differencesOnly: true, baseline: 0 }).map((r) => r.key)).toEqual(['lr']);
  });

  it('computes deltas against the baseline, none for NaN or missing values', () => {
    const rows = compareRows([a, b, c], 'metrics', { differencesOnly: false, baseline: 1 });
    expect(rows.find((r) => r.key === 'rmse')!.deltas).toEqual([0.25, 0, null]);
    expect(rows.find((r) => r.key === 'acc')!.deltas).toEqual([null, null, null]);
  });
});

describe('plots', () => {
  it('normalises numeric and categorical axes, missing values as null', () => {
    const { axes, lines } = parallelCoordinates([a, b, c], [{ kind: 'params', key: 'lr' }, { kind: 'params', key: 'model' }, { kind: 'metrics', key: 'rmse' }]);
    expect(axes[0]!.domain).toEqual([0.001, 0.1]);
    expect(axes[1]!.categories).toEqual(['gbm', 'lr']);
    expect(lines[0]).toEqual([1, 0, 1]);
    expect(lines[2]).toEqual([0, 1, null]);
  });

  it('scatters runs with numbers on both columns and counts the rest', () => {
    const { points, missing } = scatterPoints([a, b, c], { kind: 'params', key: 'lr' }, { kind: 'metrics', key: 'rmse' });
    expect(points.map((p) => [p.x, p.y])).toEqual([[0.1, 0.5], [0.01, 0.25]]);
    expect(missing).toBe(1);
  });
});
