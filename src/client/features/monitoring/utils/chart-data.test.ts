import { describe, expect, it } from 'vitest';
import type { DriftWindow } from '../../../../shared/contract/monitoring';
import { heatmapRows, latencyChartData, p99Comparison, thresholdRatio, versionMarkers } from './chart-data';
import { resolveRange } from './time-range';

const window = (start: string, features: DriftWindow['features']): DriftWindow => ({ start, count: 10, driftShare: 0, datasetDrift: false, features });

describe('monitoring chart data', () => {
  it('colours heatmap cells by score relative to the threshold, for distances and p-values', () => {
    const rows = heatmapRows([{ name: 'income' }, { name: 'age' }], [
      window('2026-11-20T10:00:00.000Z', [
        { feature: 'income', type: 'numeric', method: 'wasserstein', score: 0.35, threshold: 0.1, drifted: true },
        { feature: 'age', type: 'numeric', method: 'ks', score: 0.5, threshold: 0.05, drifted: false },
      ]),
      window('2026-11-20T11:00:00.000Z', [{ feature: 'income', type: 'numeric', method: 'wasserstein', score: 0.08, threshold: 0.1, drifted: false }]),
    ]);
    expect(rows[0]?.cells.map((c) => c.level)).toEqual(['drifted', 'high']);
    expect(rows[1]?.cells.map((c) => c.level)).toEqual(['low', 'none']);
    expect(thresholdRatio('ks', 0.01, 0.05)).toBeCloseTo(5);
    expect(thresholdRatio('psi', 0.05, 0.1)).toBeCloseTo(0.5);
  });

  it('shapes latency windows with throughput per minute and error rate in percent', () => {
    const data = latencyChartData([{ start: '2026-11-20T10:00:00.000Z', count: 120, errors: 6, p50: 10, p90: 20, p95: 30, p99: 40 }], 5);
    expect(data).toEqual([{ t: Date.parse('2026-11-20T10:00:00.000Z'), p50: 10, p90: 20, p95: 30, p99: 40, throughput: 24, errorRate: 5 }]);
    const zero = latencyChartData([{ start: '2026-11-20T10:00:00.000Z', count: 0, errors: 0, p50: null, p90: null, p95: null, p99: null }], 1);
    expect(zero[0]?.errorRate).toBeNull();
  });

  it('lines up canary and stable p99 on one time axis', () => {
    const a = { count: 1, errors: 0, p50: 1, p90: 1, p95: 1 };
    const rows = p99Comparison(
      [{ ...a, start: '2026-11-20T10:00:00.000Z', p99: 100 }, { ...a, start: '2026-11-20T10:01:00.000Z', p99: 110 }],
      [{ ...a, start: '2026-11-20T10:01:00.000Z', p99: 400 }],
    );
    expect(rows.map((r) => [r.stable, r.canary])).toEqual([[100, null], [110, 400]]);
  });

  it('keeps version markers inside the range and names the versions', () => {
    const markers = versionMarkers(
      [
        { at: '2026-11-19T00:00:00.000Z', change: 'promote', stableVersion: '1', canaryVersion: null, canaryWeight: 0 },
        { at: '2026-11-20T10:30:00.000Z', change: 'canary-start', stableVersion: '1', canaryVersion: '2', canaryWeight: 10 },
      ],
      '2026-11-20T00:00:00.000Z',
      '2026-11-21T00:00:00.000Z',
    );
    expect(markers).toEqual([{ at: Date.parse('2026-11-20T10:30:00.000Z'), label: 'v1 + canary v2 (10 %)' }]);
  });

  it('reads presets and explicit ranges from the URL', () => {
    const now = Date.parse('2026-11-20T10:00:30.000Z');
    expect(resolveRange(new URLSearchParams('range=1h'), now)).toEqual({ from: '2026-11-20T09:01:00.000Z', to: '2026-11-20T10:01:00.000Z', live: true, preset: '1h' });
    const zoomed = resolveRange(new URLSearchParams('from=2026-11-19T00:00:00.000Z&to=2026-11-19T06:00:00.000Z'), now);
    expect(zoomed).toMatchObject({ live: false, preset: null });
  });
});
