import { useQuery, useQueryClient, useSuspenseQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { can } from '../../../shared/permissions';
import { Button } from '../../components/ui/button';
import { Card, CardHeader } from '../../components/ui/card';
import { PageHeader } from '../../components/ui/page-header';
import { ErrorState, Spinner } from '../../components/ui/query-state';
import { paths } from '../../config/paths';
import { authQueries } from '../../features/auth/api/auth.queries';
import { deploymentsQueries } from '../../features/deployments/api/deployments.queries';
import { DeploymentSummary } from '../../features/deployments/components/deployment-summary';
import { HistoryTable } from '../../features/deployments/components/history-table';
import { HistoryTimeline } from '../../features/deployments/components/history-timeline';
import { ManifestPanel } from '../../features/deployments/components/manifest-panel';
import { monitoringQueries } from '../../features/monitoring/api/monitoring.queries';
import { CanaryRecommendationNote } from '../../features/monitoring/components/canary-recommendation';
import { promotionsQueries } from '../../features/promotions/api/promotions.queries';
import { CanaryControls } from '../../features/promotions/components/canary-controls';
import { PromoteDialog } from '../../features/promotions/components/promote-dialog';
import { RollbackDialog } from '../../features/promotions/components/rollback-dialog';

export function Component() {
  const { deploymentId = '' } = useParams();
  const { data: session } = useSuspenseQuery(authQueries.me());
  const detail = useQuery(deploymentsQueries.detail(deploymentId));
  const queryClient = useQueryClient();
  // The rollback target is kept while its dialog is open: the refetch after a rollback changes it.
  const [dialog, setDialog] = useState<{ kind: 'promote' } | { kind: 'rollback'; target: number } | null>(null);
  const refresh = () => {
    void queryClient.invalidateQueries({ queryKey: deploymentsQueries.all() });
    void queryClient.invalidateQueries({ queryKey: promotionsQueries.lists() });
  };
  if (detail.isPending) return <Spinner label="Loading the deployment" />;
  if (detail.isError) return <ErrorState error={detail.error} onRetry={() => detail.refetch()} />;

  const { deployment, lastKnownGood, nextCanaryStep, history } = detail.data;
  const role = session.user.role;
  return (
    <>
      <PageHeader
        title={`${deployment.modelName} in ${deployment.environment}`}
        description={
          <>
            <Link className="text-primary hover:underline" to={paths.deployments.href()}>All deployments</Link> ·{' '}
            <Link className="text-primary hover:underline" to={paths.deploymentMonitoring.href(deployment.id)}>Monitoring</Link>
          </>
        }
        actions={
          <>
            {can(role, 'promotions:request') && <Button onClick={() => setDialog({ kind: 'promote' })}>Promote a version</Button>}
            {can(role, 'promotions:request') && lastKnownGood !== null && (
              <Button variant="danger" onClick={() => setDialog({ kind: 'rollback', target: lastKnownGood })}>Roll back to v{lastKnownGood}</Button>
            )}
          </>
        }
      />
      <div className="space-y-6">
        <DeploymentSummary detail={detail.data} />
        {deployment.status === 'canary' && (can(role, 'promotions:apply') || can(role, 'monitoring:read')) && (
          <Card>
            <CardHeader title="Canary" description="Monitoring's analysis of the canary against stable; step it up along its approved plan, promote it, or abort it." />
            {can(role, 'monitoring:read') && <CanaryAnalysis deploymentId={deployment.id} />}
            {can(role, 'promotions:apply') && <CanaryControls deployment={deployment} nextStep={nextCanaryStep} onChanged={refresh} />}
          </Card>
        )}
        <Card>
          <CardHeader title="History" description="What served when: every change with its version, who made it and why." />
          <HistoryTimeline history={history} now={detail.dataUpdatedAt} />
          <HistoryTable history={history} />
        </Card>
        <Card>
          <CardHeader title="KServe" description="An InferenceService for this deployment, with canaryTrafficPercent during a canary." />
          <ManifestPanel model={deployment.modelName} environment={deployment.environment} />
        </Card>
      </div>
      <PromoteDialog open={dialog?.kind === 'promote'} onClose={() => setDialog(null)} modelName={deployment.modelName} environment={deployment.environment} onRequested={refresh} />
      {dialog?.kind === 'rollback' && (
        <RollbackDialog
          open
          onClose={() => setDialog(null)}
          modelName={deployment.modelName}
          environment={deployment.environment}
          target={dialog.target}
          onChanged={refresh}
        />
      )}
    </>
  );
}

/** Monitoring's recommendation for a running canary (promote, wait or roll back), refreshed live. */
function CanaryAnalysis({ deploymentId }: { deploymentId: string }) {
  const comparison = useQuery(monitoringQueries.canary(deploymentId, {}, true));
  const monitoring = <Link className="text-primary hover:underline" to={paths.deploymentMonitoring.href(deploymentId)}>canary versus stable on the monitoring page</Link>;
  return (
    <div className="space-y-2 px-5 pt-4 text-sm">
      {comparison.isPending ? (
        <Spinner label="Analysing the canary" />
      ) : comparison.isError ? (
        <ErrorState error={comparison.error} onRetry={() => comparison.refetch()} />
      ) : comparison.data.recommendation ? (
        <CanaryRecommendationNote recommendation={comparison.data.recommendation} />
      ) : (
        <p className="text-muted-foreground">No recommendation yet: monitoring has not seen enough canary and stable traffic.</p>
      )}
      <p className="text-muted-foreground">Details: {monitoring}.</p>
    </div>
  );
}
