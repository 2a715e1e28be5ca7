import type { Deployment } from '../../../../shared/contract/deployments';
import { Badge } from '../../../components/ui/badge';
import { CanaryWeightBar } from './canary-weight-bar';

/** "v3 stable, v4 canary at 25 %" in a table cell. */
export function ServingCell({ deployment }: { deployment: Deployment }) {
  if (deployment.stableVersion === null && deployment.canaryVersion === null) return <span className="text-muted-foreground">nothing yet</span>;
  return (
    <div className="flex flex-wrap items-center gap-2">
      {deployment.stableVersion !== null && <Badge tone="success">v{deployment.stableVersion} stable</Badge>}
      {deployment.canaryVersion !== null && (
        <>
          <Badge tone="warning">
            v{deployment.canaryVersion} canary {deployment.canaryWeight} %
          </Badge>
          <CanaryWeightBar weight={deployment.canaryWeight} className="w-20" />
        </>
      )}
    </div>
  );
}
