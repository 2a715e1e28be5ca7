import type { CanaryRecommendation, LatencyWindow, VersionHealth } from '../../../../shared/contract/monitoring';
import { TimeSeriesChart } from '../../../components/charts/time-series-chart';
import { p99Comparison } from '../utils/chart-data';
import { CanaryRecommendationNote } from './canary-recommendation';

const pct = (v: number | null) => (v === null ? '–' : `${(v * 100).toFixed(2)} %`);
const ms = (v: number | null) => (v === null ? '–' : `${Math.round(v)} ms`);

/** Canary next to stable: health side by side, p99 on one chart, and the recommendation. */
export function CanaryPanel({ stable, canary, recommendation, stableWindows, canaryWindows, formatTime }: {
  stable: VersionHealth | null;
  canary: VersionHealth | null;
  recommendation: CanaryRecommendation | null;
  stableWindows: LatencyWindow[];
  canaryWindows: LatencyWindow[];
  formatTime: (ms: number) => string;
}) {
  const rows: Array<[string, (h: VersionHealth) => string]> = [
    ['Events', (h) => String(h.count)],
    ['Error rate', (h) => pct(h.errorRate)],
    ['p50', (h) => ms(h.p50)],
    ['p95', (h) => ms(h.p95)],
    ['p99', (h) => ms(h.p99)],
    ['Drift share', (h) => pct(h.driftShare)],
    ['Drifted features', (h) => h.driftedFeatures.join(', ') || 'none'],
  ];
  return (
    <div className="grid gap-4 p-5 lg:grid-cols-2">
      <div className="space-y-3">
        {recommendation && <CanaryRecommendationNote recommendation={recommendation} />}
        <table aria-label="Canary versus stable" className="w-full text-sm">
          <thead className="text-left text-xs text-muted-foreground uppercase">
            <tr>
              <th className="py-1 font-medium" />
              <th className="py-1 font-medium">Stable {stable && `v${stable.version}`}</th>
              <th className="py-1 font-medium">Canary {canary && `v${canary.version}`}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map(([label, value]) => (
              <tr key={label} className="border-t border-border">
                <th scope="row" className="py-1 text-left font-medium">{label}</th>
                <td className="py-1 font-mono">{stable ? value(stable) : '–'}</td>
                <td className="py-1 font-mono">{canary ? value(canary) : '–'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <TimeSeriesChart
        label="p99 latency, canary versus stable"
        data={p99Comparison(stableWindows, canaryWindows)}
        series={[
          { key: 'stable', label: 'stable p99', format: (v) => `${Math.round(v)} ms` },
          { key: 'canary', label: 'canary p99', color: 'var(--chart-5)', format: (v) => `${Math.round(v)} ms` },
        ]}
        formatTime={formatTime}
      />
    </div>
  );
}
