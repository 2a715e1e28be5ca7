import { useQuery } from '@tanstack/react-query';
import { Activity } from 'lucide-react';
import { Card, CardHeader } from '../../components/ui/card';
import { EmptyState } from '../../components/ui/empty-state';
import { PageHeader } from '../../components/ui/page-header';
import { ErrorState, Spinner } from '../../components/ui/query-state';
import { paths } from '../../config/paths';
import { monitoringQueries } from '../../features/monitoring/api/monitoring.queries';
import { AlertsList } from '../../features/monitoring/components/alerts-list';
import { DeploymentsHealthTable } from '../../features/monitoring/components/deployments-health-table';

const alertHrefs = { deployment: paths.deployment.href, monitoring: paths.deploymentMonitoring.href };

export function Component() {
  const deployments = useQuery(monitoringQueries.deployments());
  const alerts = useQuery(monitoringQueries.alerts({ status: 'open' }));
  return (
    <>
      <PageHeader title="Monitoring" description="Drift, latency, throughput and errors of deployed models." />
      {deployments.isPending ? (
        <Spinner label="Loading deployments" />
      ) : deployments.isError ? (
        <ErrorState error={deployments.error} onRetry={() => deployments.refetch()} />
      ) : deployments.data.items.length === 0 ? (
        <EmptyState title="No monitored deployments" icon={<Activity />}>
          <p>Monitoring starts when a serving system posts its predictions for a deployment with an API token of the ingest role.</p>
        </EmptyState>
      ) : (
        <div className="space-y-6">
          <Card>
            <CardHeader title="Deployments" description="Health over the last hour." />
            <DeploymentsHealthTable items={deployments.data.items} monitoringHref={paths.deploymentMonitoring.href} />
          </Card>
          <Card>
            <CardHeader title="Open alerts" />
            {alerts.isSuccess ? <AlertsList alerts={alerts.data.items} hrefs={alertHrefs} /> : alerts.isError ? <div className="p-5"><ErrorState error={alerts.error} /></div> : <Spinner label="Loading alerts" />}
          </Card>
        </div>
      )}
    </>
  );
}
