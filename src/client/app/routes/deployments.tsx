import { useQuery, useQueryClient, useSuspenseQuery } from '@tanstack/react-query';
import { Rocket } from 'lucide-react';
import { useState } from 'react';
import { can } from '../../../shared/permissions';
import { paths } from '../../config/paths';
import { Button } from '../../components/ui/button';
import { Card } from '../../components/ui/card';
import { EmptyState } from '../../components/ui/empty-state';
import { PageHeader } from '../../components/ui/page-header';
import { ErrorState, Spinner } from '../../components/ui/query-state';
import { authQueries } from '../../features/auth/api/auth.queries';
import { deploymentsQueries } from '../../features/deployments/api/deployments.queries';
import { DeploymentsTable } from '../../features/deployments/components/deployments-table';
import { monitoringQueries } from '../../features/monitoring/api/monitoring.queries';
import { HealthSummary } from '../../features/monitoring/components/health-summary';
import { PromoteDialog } from '../../features/promotions/components/promote-dialog';

export function Component() {
  const { data: session } = useSuspenseQuery(authQueries.me());
  const deployments = useQuery(deploymentsQueries.list());
  const queryClient = useQueryClient();
  const [promoting, setPromoting] = useState(false);
  const mayPromote = can(session.user.role, 'promotions:request');
  // The health column comes from monitoring: the last hour of each deployment.
  const monitored = useQuery({ ...monitoringQueries.deployments(), enabled: can(session.user.role, 'monitoring:read') });
  const healthById = new Map((monitored.data?.items ?? []).map((d) => [d.id, d.health]));
  return (
    <>
      <PageHeader
        title="Deployments"
        description="What serves in each environment, canaries and their weight, since when."
        actions={mayPromote && <Button onClick={() => setPromoting(true)}>Promote a version</Button>}
      />
      {deployments.isPending ? (
        <Spinner label="Loading deployments" />
      ) : deployments.isError ? (
        <ErrorState error={deployments.error} onRetry={() => deployments.refetch()} />
      ) : deployments.data.items.length === 0 ? (
        <EmptyState title="Nothing is deployed yet" icon={<Rocket />}>
          <p>A model version serves in an environment (staging, production) once it is promoted.</p>
          {mayPromote && <Button onClick={() => setPromoting(true)}>Promote a version</Button>}
        </EmptyState>
      ) : (
        <Card>
          <DeploymentsTable
            deployments={deployments.data.items}
            environments={deployments.data.environments}
            renderHealth={monitored.data ? (d) => {
              const health = healthById.get(d.id);
              return health ? <HealthSummary health={health} href={paths.deploymentMonitoring.href(d.id)} /> : '—';
            } : undefined}
          />
        </Card>
      )}
      <PromoteDialog open={promoting} onClose={() => setPromoting(false)} onRequested={() => queryClient.invalidateQueries({ queryKey: deploymentsQueries.all() })} />
    </>
  );
}
