import type { DeploymentDetail } from '../../../../shared/contract/deployments';
import { Badge } from '../../../components/ui/badge';
import { Card } from '../../../components/ui/card';
import { formatDateTime } from '../../../lib/format';
import { CanaryWeightBar } from './canary-weight-bar';

/** What serves now: stable and canary versions with the split, and who changed it last. */
export function DeploymentSummary({ detail }: { detail: DeploymentDetail }) {
  const { deployment, environment } = detail;
  const uri = (version: number) => `models:/${deployment.modelName}/${version}`;
  return (
    <Card className="grid gap-5 p-5 sm:grid-cols-3">
      <section aria-label="Stable version">
        <h2 className="text-xs font-medium text-muted-foreground uppercase">Stable</h2>
        <p className="mt-1 text-2xl font-semibold">{deployment.stableVersion === null ? '—' : `v${deployment.stableVersion}`}</p>
        {deployment.stableVersion !== null && <p className="font-mono text-xs text-muted-foreground">{uri(deployment.stableVersion)}</p>}
      </section>
      <section aria-label="Canary version">
        <h2 className="text-xs font-medium text-muted-foreground uppercase">Canary</h2>
        {deployment.canaryVersion === null ? (
          <p className="mt-1 text-2xl font-semibold text-muted-foreground">none</p>
        ) : (
          <>
            <p className="mt-1 text-2xl font-semibold">
              v{deployment.canaryVersion} <span className="text-base font-medium text-warning">{deployment.canaryWeight} %</span>
            </p>
            <CanaryWeightBar weight={deployment.canaryWeight} className="mt-2" />
            {deployment.canarySteps && <p className="mt-1 text-xs text-muted-foreground">Plan: {deployment.canarySteps.join(' → ')} %</p>}
          </>
        )}
      </section>
      <section aria-label="Deployment state" className="space-y-1 text-sm">
        <p>
          <Badge tone={deployment.status === 'canary' ? 'warning' : deployment.status === 'stable' ? 'success' : 'neutral'}>{deployment.status}</Badge>{' '}
          {environment.protected && <Badge tone="info">protected</Badge>}
        </p>
        <p className="text-muted-foreground">Revision {deployment.revision}</p>
        <p className="text-muted-foreground">
          Changed {formatDateTime(deployment.updatedAt)}
          {deployment.updatedBy && ` by ${deployment.updatedBy}`}
        </p>
      </section>
    </Card>
  );
}
