import { useQuery } from '@tanstack/react-query';
import { memo, useMemo, useState } from 'react';
import type { MetricSeries } from '../../../../shared/contract/metric-history';
import { type XAxis, xAxes } from '../../../../shared/contract/metric-history';
import { ChartLegend } from '../../../components/charts/chart-legend';
import { LineSeriesChart } from '../../../components/charts/line-series-chart';
import { Select } from '../../../components/ui/field';
import { ErrorState, Spinner } from '../../../components/ui/query-state';
import { runsQueries } from '../api/runs.queries';
import { formatX, metricLines } from '../utils/chart-data';

export interface ChartRun {
  runId: string;
  label: string;
  color: string;
}

const axisLabels: Record<XAxis, string> = { step: 'Step', time: 'Wall time', relative: 'Relative time' };

/**
 * One chart per metric with a line per run, one shared legend and colours, and the controls
 * every chart obeys: x axis (step, wall time, relative time), log scale and smoothing. Histories
 * arrive downsampled (min/max per bucket); NaN and infinite values become gaps with a note.
 * Without `metrics`, the charts are those of the metrics the runs logged (the server names them,
 * so the request can start before the page knows the runs' metrics).
 */
export function MetricCharts({ runs: given, metrics }: { runs: ChartRun[]; metrics?: string[] }) {
  // Routes pass a fresh array each render: keep one while the runs are the same, so charts are not redrawn.
  const signature = given.map((r) => `${r.runId}:${r.label}:${r.color}`).join('|');
  // eslint-disable-next-line react-hooks/exhaustive-deps -- the signature covers every field of the runs
  const runs = useMemo(() => given, [signature]);
  const [xAxis, setXAxis] = useState<XAxis>('step');
  const [logScale, setLogScale] = useState(false);
  const [smoothing, setSmoothing] = useState(0);
  const histories = useQuery(runsQueries.histories(runs.map((r) => r.runId), metrics, xAxis));
  const series = histories.data?.series;
  const charted = useMemo(() => metrics ?? [...new Set(series?.map((s) => s.key))].sort(), [metrics, series]);
  if (metrics?.length === 0 || (series && charted.length === 0)) return <p className="text-sm text-muted-foreground">No metrics logged.</p>;
  return (
    <section aria-label="Metric charts" className="space-y-3">
      <div className="flex flex-wrap items-center gap-4 text-sm">
        <label className="flex items-center gap-2">
          X axis
          <Select aria-label="X axis" className="h-8 w-40" value={xAxis} onChange={(e) => setXAxis(e.target.value as XAxis)}>
            {xAxes.map((axis) => (
              <option key={axis} value={axis}>{axisLabels[axis]}</option>
            ))}
          </Select>
        </label>
        <label className="flex items-center gap-2">
          <input type="checkbox" checked={logScale} onChange={(e) => setLogScale(e.target.checked)} /> Log scale
        </label>
        <label className="flex items-center gap-2">
          Smoothing
          <input type="range" aria-label="Smoothing" min={0} max={0.99} step={0.01} value={smoothing} onChange={(e) => setSmoothing(Number(e.target.value))} />
          <span className="w-8 tabular-nums text-muted-foreground">{smoothing.toFixed(2)}</span>
        </label>
      </div>
      {runs.length > 1 && <ChartLegend series={runs.map((r) => ({ key: r.runId, label: r.label, color: r.color }))} />}
      {histories.isPending ? (
        <Spinner label="Loading metric histories" />
      ) : histories.isError ? (
        <ErrorState error={histories.error} onRetry={() => histories.refetch()} />
      ) : (
        <div className="grid gap-4 lg:grid-cols-2">
          {charted.map((key) => (
            <MetricChart key={key} metric={key} series={histories.data.series} runs={runs} xAxis={xAxis} logScale={logScale} smoothing={smoothing} />
          ))}
        </div>
      )}
    </section>
  );
}

/**
 * One metric's chart. Memoised with its shaped lines: Recharts re-registers every line whose data
 * array changes, which for 20 runs × 1,000 points is most of a render.
 */
const MetricChart = memo(function MetricChart({
  metric,
  series,
  runs,
  xAxis,
  logScale,
  smoothing,
}: {
  metric: string;
  series: MetricSeries[];
  runs: ChartRun[];
  xAxis: XAxis;
  logScale: boolean;
  smoothing: number;
}) {
  const { lines, hidden, raw } = useMemo(() => metricLines(series, metric, runs, { smoothing, logScale }), [series, metric, runs, smoothing, logScale]);
  const format = useMemo(() => (x: number) => formatX(x, xAxis), [xAxis]);
  return (
    <div className="rounded-lg border border-border bg-surface p-3">
      <h3 className="mb-1 flex justify-between text-sm font-medium">
        {metric}
        <span className="text-xs font-normal text-muted-foreground">{`${raw.toLocaleString('en-US')} points logged`}</span>
      </h3>
      <LineSeriesChart label={`${metric} by ${axisLabels[xAxis].toLowerCase()}`} series={lines} formatX={format} logScale={logScale} legend={false} />
      {hidden > 0 && (
        <p role="note" className="mt-1 text-xs text-warning">
          {`${hidden.toLocaleString('en-US')} value${hidden === 1 ? '' : 's'} not drawn (NaN, infinite${logScale ? ' or ≤ 0 on a log scale' : ''}): the line has gaps there.`}
        </p>
      )}
    </div>
  );
});
