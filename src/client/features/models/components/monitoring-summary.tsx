import { useQuery } from '@tanstack/react-query';
import { Badge } from '../../../components/ui/badge';
import { ErrorState, Spinner } from '../../../components/ui/query-state';
import { modelsQueries } from '../api/models.queries';

/** The last 24 hours of the version's live traffic: events and drift against its reference. */
export function MonitoringSummary({ name, version }: { name: string; version: number }) {
  const summary = useQuery(modelsQueries.monitoring(name, version));
  if (summary.isPending) return <Spinner label="Loading monitoring" />;
  if (summary.isError) return <div className="p-5"><ErrorState error={summary.error} onRetry={() => summary.refetch()} /></div>;
  const data = summary.data;
  if (data.events === 0) return <p className="px-5 py-4 text-sm text-muted-foreground">No live traffic in the last 24 hours.</p>;
  return (
    <dl className="grid grid-cols-2 gap-3 px-5 py-4 text-sm sm:grid-cols-4">
      <div><dt className="text-muted-foreground">Events (24 h)</dt><dd className="text-lg font-semibold tabular-nums">{data.events.toLocaleString()}</dd></div>
      <div>
        <dt className="text-muted-foreground">Drifted share</dt>
        <dd className="text-lg font-semibold tabular-nums">{data.driftShare === null ? '—' : `${Math.round(data.driftShare * 100)} %`}</dd>
      </div>
      <div>
        <dt className="text-muted-foreground">Status</dt>
        <dd>{!data.hasReference ? <Badge>no reference</Badge> : data.criticallyDrifted ? <Badge tone="danger">critical drift</Badge> : data.datasetDrift ? <Badge tone="warning">drifting</Badge> : <Badge tone="success">stable</Badge>}</dd>
      </div>
      <div><dt className="text-muted-foreground">Drifted features</dt><dd>{data.driftedFeatures.length ? data.driftedFeatures.join(', ') : 'none'}</dd></div>
    </dl>
  );
}
