import { TimeSeriesChart, type Marker } from '../../../components/charts/time-series-chart';
import type { LatencyWindow } from '../../../../shared/contract/monitoring';
import { latencyChartData } from '../utils/chart-data';

const ms = (v: number) => `${Math.round(v)} ms`;

/** Latency percentiles, throughput and error rate of one version (or all) over time. */
export function LatencyPanel({ windows, resolutionMinutes, markers, formatTime, onZoom, title }: {
  windows: LatencyWindow[];
  resolutionMinutes: number;
  markers: Marker[];
  formatTime: (ms: number) => string;
  onZoom: (from: number, to: number) => void;
  title: string;
}) {
  const data = latencyChartData(windows, resolutionMinutes);
  return (
    <div className="grid gap-4 p-5 lg:grid-cols-3">
      <div className="lg:col-span-3">
        <TimeSeriesChart
          label={`${title} latency percentiles`}
          data={data}
          series={[
            { key: 'p50', label: 'p50', format: ms },
            { key: 'p90', label: 'p90', format: ms },
            { key: 'p95', label: 'p95', format: ms },
            { key: 'p99', label: 'p99', format: ms },
          ]}
          formatTime={formatTime}
          markers={markers}
          onZoom={onZoom}
          yLabel="ms"
        />
      </div>
      <div className="lg:col-span-2">
        <TimeSeriesChart label={`${title} throughput`} data={data} series={[{ key: 'throughput', label: 'events / min', format: (v) => v.toFixed(1) }]} formatTime={formatTime} markers={markers} onZoom={onZoom} height={160} />
      </div>
      <TimeSeriesChart label={`${title} error rate`} data={data} series={[{ key: 'errorRate', label: 'error rate %', color: 'var(--danger)', format: (v) => `${v.toFixed(2)} %` }]} formatTime={formatTime} onZoom={onZoom} height={160} />
    </div>
  );
}
