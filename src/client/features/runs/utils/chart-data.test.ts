import { describe, expect, it } from 'vitest';
import { buildSeries } from '../../../testing/runs-factories';
import { formatDuration, formatMetric, metricLines, shapeSeries } from './chart-data';

describe('shapeSeries', () => {
  it('passes values through without smoothing and counts non-finite ones', () => {
    const shaped = shapeSeries(buildSeries('r', 'loss', [1, null, 3]), { smoothing: 0, logScale: false });
    expect(shaped).toMatchObject({ xs: [0, 1, 2], ys: [1, null, 3] });
    expect(shaped.hidden).toBe(1);
  });

  it('smooths with a debiased moving average that restarts after a gap', () => {
    const shaped = shapeSeries(buildSeries('r', 'loss', [10, 0, null, 4]), { smoothing: 0.5, logScale: false });
    expect(shaped.ys[0]).toBe(10);
    expect(shaped.ys[1]).toBeCloseTo(10 / 3);
    expect(shaped.ys[3]).toBe(4);
  });

  it('hides non-positive values on a log scale', () => {
    const shaped = shapeSeries(buildSeries('r', 'loss', [1, 0, -2, 5]), { smoothing: 0, logScale: true });
    expect(shaped.ys).toEqual([1, null, null, 5]);
    expect(shaped.hidden).toBe(2);
  });
});

describe('formatting', () => {
  it('spells non-finite metrics and shortens numbers', () => {
    expect(formatMetric('NaN')).toBe('NaN');
    expect(formatMetric('-Infinity')).toBe('−∞');
    expect(formatMetric(0.123456)).toBe('0.1235');
    expect(formatMetric(1234567)).toBe('1.235e+6');
    expect(formatDuration(95_000)).toBe('1m 35s');
  });
});

describe('metricLines', () => {
  it('draws one line per run that logged the metric, in the runs order, counting logged and hidden values', () => {
    const series = [buildSeries('b', 'loss', [3, null]), buildSeries('a', 'loss', [1, 2]), buildSeries('a', 'acc', [0.5])];
    const runs = [
      { runId: 'a', label: 'run a', color: 'red' },
      { runId: 'b', label: 'run b', color: 'blue' },
      { runId: 'c', label: 'run c', color: 'green' },
    ];
    const { lines, hidden, raw } = metricLines(series, 'loss', runs, { smoothing: 0, logScale: false });
    expect(lines.map((l) => [l.key, l.label, l.color, l.ys])).toEqual([
      ['a', 'run a', 'red', [1, 2]],
      ['b', 'run b', 'blue', [3, null]],
    ]);
    expect({ hidden, raw }).toEqual({ hidden: 1, raw: 4 });
  });
});
