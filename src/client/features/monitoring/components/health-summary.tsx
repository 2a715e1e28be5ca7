import { Link } from 'react-router';
import type { ResponseOf } from '../../../../shared/contract/common';
import type { listMonitoredDeployments } from '../../../../shared/contract/monitoring';
import { Badge } from '../../../components/ui/badge';

export type DeploymentHealth = ResponseOf<typeof listMonitoredDeployments>['items'][number]['health'];

const pct = (v: number) => `${(v * 100).toFixed(1)} %`;

/**
 * One deployment's last hour in a line, for tables elsewhere (the deployments overview): open
 * alerts first, then p99, errors and drift share, linking to its monitoring page.
 */
export function HealthSummary({ health, href }: { health: DeploymentHealth; href: string }) {
  if (health.events === 0) {
    return <Link className="text-muted-foreground hover:underline" to={href}>no traffic in the last hour</Link>;
  }
  const facts = [
    health.p99 === null ? null : `p99 ${Math.round(health.p99)} ms`,
    health.errorRate === null ? null : `errors ${pct(health.errorRate)}`,
    health.driftShare === null ? null : `drift ${pct(health.driftShare)}`,
  ].filter((f): f is string => f !== null);
  return (
    <Link className="inline-flex flex-wrap items-center gap-2 hover:underline" to={href} aria-label={`Health: ${health.openAlerts} open alerts, ${facts.join(', ')}`}>
      {health.openAlerts > 0 ? <Badge tone="danger">{health.openAlerts} open alert{health.openAlerts === 1 ? '' : 's'}</Badge> : <Badge tone="success">no alerts</Badge>}
      <span className="font-mono text-xs text-muted-foreground">{facts.join(' · ')}</span>
    </Link>
  );
}
