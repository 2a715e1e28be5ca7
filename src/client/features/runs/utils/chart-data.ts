import type { MetricSeries, XAxis } from '../../../../shared/contract/metric-history';
import type { MetricValue } from '../../../../shared/contract/runs';

export interface ShapedSeries {
  /** x values in order, and the y to draw at each (null: a gap). */
  xs: readonly number[];
  ys: Array<number | null>;
  /** Values that cannot be drawn: NaN/±Infinity (always) and ≤ 0 on a log scale. */
  hidden: number;
}

/**
 * One series ready to draw: exponential smoothing (TensorBoard's, debiased, restarting after a
 * gap) with weight 0..0.99, and on a log scale non-positive values turned into gaps.
 */
export function shapeSeries(series: MetricSeries, options: { smoothing: number; logScale: boolean }): ShapedSeries {
  let hidden = series.nonFiniteCount;
  let last = 0;
  let weightSum = 0;
  const weight = Math.min(Math.max(options.smoothing, 0), 0.99);
  const ys = series.ys.map((raw): number | null => {
    let y = raw;
    if (y !== null && options.logScale && y <= 0) {
      hidden += 1;
      y = null;
    }
    if (y === null) {
      last = 0;
      weightSum = 0;
      return null;
    }
    if (weight === 0) return y;
    last = last * weight + (1 - weight) * y;
    weightSum = weightSum * weight + (1 - weight);
    return last / weightSum;
  });
  return { xs: series.xs, ys, hidden };
}

/**
 * The lines of one metric's chart, one per run in the runs' order (runs without the metric are
 * left out), with the count of values logged and of values not drawn.
 */
export function metricLines(
  series: readonly MetricSeries[],
  metric: string,
  runs: ReadonlyArray<{ runId: string; label: string; color: string }>,
  options: { smoothing: number; logScale: boolean },
) {
  const ofMetric = new Map(series.filter((s) => s.key === metric).map((s) => [s.runId, s]));
  let hidden = 0;
  let raw = 0;
  const lines = runs.flatMap((run) => {
    const s = ofMetric.get(run.runId);
    if (!s) return [];
    const shaped = shapeSeries(s, options);
    hidden += shaped.hidden;
    raw += s.rawCount;
    return [{ key: run.runId, label: run.label, color: run.color, xs: shaped.xs, ys: shaped.ys, format: formatValue }];
  });
  return { lines, hidden, raw };
}

const formatValue = (v: number) => String(+v.toPrecision(5));

/** An x value as the axis shows it. */
export function formatX(x: number, axis: XAxis): string {
  if (axis === 'step') return Number.isInteger(x) ? x.toLocaleString('en-US') : x.toFixed(1);
  if (axis === 'time') return new Date(x).toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit', second: '2-digit' });
  return formatDuration(x);
}

export function formatDuration(ms: number): string {
  const s = ms / 1000;
  if (Math.abs(s) < 60) return `${+s.toFixed(1)}s`;
  if (Math.abs(s) < 3600) return `${Math.floor(s / 60)}m ${Math.round(s % 60)}s`;
  return `${Math.floor(s / 3600)}h ${Math.round((s % 3600) / 60)}m`;
}

/** A metric value for tables: NaN and infinities spelled, numbers to 4 significant digits. */
export function formatMetric(value: MetricValue | undefined): string {
  if (value === undefined) return '';
  if (typeof value === 'string') return value === 'Infinity' ? '∞' : value === '-Infinity' ? '−∞' : 'NaN';
  if (value !== 0 && (Math.abs(value) >= 1e6 || Math.abs(value) < 1e-3)) return value.toExponential(3);
  return String(+value.toPrecision(4));
}

/** A metric value as a number for charts and statistics; NaN/infinities are not drawable. */
export const finiteOf = (value: MetricValue | undefined): number | null => (typeof value === 'number' ? value : null);
