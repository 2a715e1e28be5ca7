import { useQuery } from '@tanstack/react-query';
import type { DriftWindow } from '../../../../shared/contract/monitoring';
import { BarComparisonChart } from '../../../components/charts/bar-comparison-chart';
import { TimeSeriesChart } from '../../../components/charts/time-series-chart';
import { Badge } from '../../../components/ui/badge';
import { ErrorState, Spinner } from '../../../components/ui/query-state';
import { monitoringQueries } from '../api/monitoring.queries';
import { featureScoreSeries } from '../utils/chart-data';

const share = (v: number) => `${(v * 100).toFixed(1)} %`;

/** One feature: its score over time with the threshold, and reference vs current distributions. */
export function FeatureDrilldown({ deploymentId, feature, windows, range, version, formatTime }: {
  deploymentId: string;
  feature: string;
  windows: DriftWindow[];
  range: { from: string; to: string };
  version: string | undefined;
  formatTime: (ms: number) => string;
}) {
  const distribution = useQuery(monitoringQueries.featureDrift(deploymentId, feature, { ...range, ...(version && { version }) }));
  const threshold = windows.flatMap((w) => w.features).find((f) => f.feature === feature)?.threshold;
  return (
    <section aria-label={`Drift of ${feature}`} className="space-y-4 p-5">
      <TimeSeriesChart
        label={`${feature} drift score over time`}
        data={featureScoreSeries(windows, feature)}
        series={[{ key: 'score', label: 'score', format: (v) => v.toPrecision(3) }]}
        formatTime={formatTime}
        threshold={threshold === undefined ? undefined : { value: threshold, label: `threshold ${threshold}` }}
        height={160}
      />
      {distribution.isPending ? (
        <Spinner label="Loading distributions" />
      ) : distribution.isError ? (
        <ErrorState error={distribution.error} onRetry={() => distribution.refetch()} />
      ) : (
        <div className="space-y-2">
          <p className="flex flex-wrap items-center gap-2 text-sm">
            <Badge tone={distribution.data.drifted ? 'danger' : 'success'}>{distribution.data.drifted ? 'drifted' : 'no drift'}</Badge>
            <span className="font-medium">{distribution.data.methodLabel}</span>
            <span className="font-mono" aria-label="drift rule">{distribution.data.rule}</span>
            <span className="text-muted-foreground">
              reference {distribution.data.referenceCount} values · current {distribution.data.currentCount} values
            </span>
          </p>
          <BarComparisonChart
            label={`${feature} reference and current distributions`}
            data={distribution.data.bins}
            series={[
              { key: 'reference', label: 'Reference', format: share },
              { key: 'current', label: 'Current', format: share },
            ]}
          />
        </div>
      )}
    </section>
  );
}
