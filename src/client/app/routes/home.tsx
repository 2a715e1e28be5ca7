import { useQuery, useSuspenseQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { Card, CardHeader } from '../../components/ui/card';
import { MlflowQuickstart } from '../../components/mlflow-quickstart';
import { PageHeader } from '../../components/ui/page-header';
import { paths } from '../../config/paths';
import { authQueries } from '../../features/auth/api/auth.queries';
import { monitoringQueries } from '../../features/monitoring/api/monitoring.queries';
import { runsQueries } from '../../features/runs/api/runs.queries';
import { formatDateTime } from '../../lib/format';
import { AlertsList } from '../../features/monitoring/components/alerts-list';
import { can } from '../../../shared/permissions';

export function Component() {
  const { data: session } = useSuspenseQuery(authQueries.me());
  const alerts = useQuery({ ...monitoringQueries.alerts({ status: 'open', limit: 5 }), enabled: can(session.user.role, 'monitoring:read') });
  const experiments = useQuery({ ...runsQueries.experiments('', 'active'), enabled: can(session.user.role, 'tracking:read') });
  const active = (experiments.data?.items ?? []).filter((experiment) => experiment.runCount > 0).slice(0, 5);
  return (
    <>
      <PageHeader title={`Welcome, ${session.user.displayName}`} description="Runs, models, promotions, monitoring and audit in one place." />
      {alerts.isSuccess && alerts.data.items.length > 0 && (
        <Card className="mb-6">
          <CardHeader title="Open alerts" description="From the monitoring of deployed models." />
          <AlertsList alerts={alerts.data.items} hrefs={{ deployment: paths.deployment.href, monitoring: paths.deploymentMonitoring.href }} />
        </Card>
      )}
      <div className="grid gap-6 lg:grid-cols-2">
        {active.length > 0 ? (
          <Card>
            <CardHeader title="Recent experiments" description="Most recently active first." />
            <ul className="divide-y divide-border text-sm">
              {active.map((experiment) => (
                <li key={experiment.experimentId} className="flex items-baseline justify-between gap-4 px-5 py-3">
                  <Link className="font-medium text-primary hover:underline" to={paths.experiment.href(experiment.experimentId)}>{experiment.name}</Link>
                  <span className="text-muted-foreground">
                    {experiment.runCount} runs{experiment.lastRunTime ? ` · last ${formatDateTime(experiment.lastRunTime)}` : ''}
                  </span>
                </li>
              ))}
            </ul>
          </Card>
        ) : (
          <Card>
            <CardHeader title="Log your first run" description="Any MLflow client works against Sextant unchanged." />
            <div className="p-5 text-sm">
              <MlflowQuickstart username={session.user.username} />
            </div>
          </Card>
        )}
        <Card>
          <CardHeader title="Where to go" />
          <ul className="space-y-3 p-5 text-sm">
            <li><Link className="font-medium text-primary hover:underline" to={paths.experiments.href()}>Runs</Link> — search and compare experiments and runs.</li>
            <li><Link className="font-medium text-primary hover:underline" to={paths.models.href()}>Models</Link> — registered models, versions and their lineage.</li>
            <li><Link className="font-medium text-primary hover:underline" to={paths.approvals.href()}>Approvals</Link> — promotion requests waiting for a decision.</li>
            <li><Link className="font-medium text-primary hover:underline" to={paths.settings.tokens.href()}>API tokens</Link> — credentials for clients and pipelines.</li>
          </ul>
        </Card>
      </div>
    </>
  );
}
