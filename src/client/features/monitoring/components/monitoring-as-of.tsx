import { useQuery } from '@tanstack/react-query';
import { Badge } from '../../../components/ui/badge';
import { Card, CardHeader } from '../../../components/ui/card';
import { ErrorState, Spinner } from '../../../components/ui/query-state';
import { monitoringQueries } from '../api/monitoring.queries';

const pct = (v: number | null) => (v === null ? '—' : `${(v * 100).toFixed(1)} %`);
const ms = (v: number | null) => (v === null ? '—' : `${Math.round(v)} ms`);

/** "What monitoring said" at a past moment: each deployment's serving versions over the hour before it, and its open alerts. */
export function MonitoringAsOf({ at }: { at: string }) {
  const asOf = useQuery(monitoringQueries.asOf(at));
  return (
    <Card>
      <CardHeader title="What monitoring said" description="The hour before that moment for the versions serving then, and the alerts open then." />
      {asOf.isPending ? (
        <Spinner label="Reading monitoring" />
      ) : asOf.isError ? (
        <ErrorState error={asOf.error} onRetry={() => asOf.refetch()} />
      ) : asOf.data.deployments.length === 0 ? (
        <p className="px-5 py-4 text-sm text-muted-foreground">Nothing was deployed by then.</p>
      ) : (
        <table aria-label="What monitoring said" className="w-full text-sm">
          <thead className="text-left text-xs text-muted-foreground uppercase">
            <tr>{['Model / environment', 'Version', 'Events (1 h)', 'Errors', 'p99', 'Drift share', 'Open alerts'].map((h) => <th key={h} className="px-5 py-2 font-medium">{h}</th>)}</tr>
          </thead>
          <tbody>
            {asOf.data.deployments.flatMap((d) =>
              d.versions.map((v, i) => (
                <tr key={`${d.deploymentId}-${v.role}`} className="border-t border-border align-top">
                  <td className="px-5 py-2 font-medium">{i === 0 && `${d.modelName}/${d.environment}`}</td>
                  <td className="px-5 py-2">v{v.version}{v.role === 'canary' && <> <Badge tone="info">canary</Badge></>}</td>
                  <td className="px-5 py-2 font-mono">{v.count}</td>
                  <td className="px-5 py-2 font-mono">{pct(v.errorRate)}</td>
                  <td className="px-5 py-2 font-mono">{ms(v.p99)}</td>
                  <td className="px-5 py-2 font-mono">{pct(v.driftShare)}{v.driftedFeatures.length > 0 && ` (${v.driftedFeatures.join(', ')})`}</td>
                  <td className="px-5 py-2">
                    {d.openAlerts.filter((a) => a.version === v.version).map((a) => <p key={a.id} className="text-danger">{a.message}</p>)}
                    {!d.openAlerts.some((a) => a.version === v.version) && <span className="text-muted-foreground">none</span>}
                  </td>
                </tr>
              )),
            )}
          </tbody>
        </table>
      )}
    </Card>
  );
}
