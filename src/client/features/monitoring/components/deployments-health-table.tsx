import { Link } from 'react-router';
import type { ResponseOf } from '../../../../shared/contract/common';
import type { listMonitoredDeployments } from '../../../../shared/contract/monitoring';
import { Badge } from '../../../components/ui/badge';
import { formatDateTime } from '../../../lib/format';

type Item = ResponseOf<typeof listMonitoredDeployments>['items'][number];

const pct = (v: number | null) => (v === null ? '–' : `${(v * 100).toFixed(1)} %`);

/** Monitored deployments with the last hour's health. */
export function DeploymentsHealthTable({ items, monitoringHref }: { items: Item[]; monitoringHref: (id: string) => string }) {
  return (
    <table className="w-full text-sm">
      <thead className="text-left text-xs text-muted-foreground uppercase">
        <tr>
          {['Deployment', 'Serving', 'Events (1 h)', 'Errors', 'p99', 'Drift share', 'Alerts', 'Last event'].map((h) => (
            <th key={h} className="px-5 py-2 font-medium">{h}</th>
          ))}
        </tr>
      </thead>
      <tbody>
        {items.map((d) => (
          <tr key={d.id} className="border-t border-border">
            <td className="px-5 py-2 font-medium">
              <Link className="text-primary hover:underline" to={monitoringHref(d.id)}>{d.modelName} · {d.environment}</Link>
            </td>
            <td className="px-5 py-2">v{d.stableVersion ?? '–'}{d.canaryVersion && ` + canary v${d.canaryVersion} (${d.canaryWeight} %)`}</td>
            <td className="px-5 py-2 font-mono">{d.health.events}</td>
            <td className="px-5 py-2 font-mono">{pct(d.health.errorRate)}</td>
            <td className="px-5 py-2 font-mono">{d.health.p99 === null ? '–' : `${Math.round(d.health.p99)} ms`}</td>
            <td className="px-5 py-2 font-mono">{pct(d.health.driftShare)}</td>
            <td className="px-5 py-2">{d.health.openAlerts > 0 ? <Badge tone="danger">{d.health.openAlerts} open</Badge> : <Badge tone="success">none</Badge>}</td>
            <td className="px-5 py-2 text-muted-foreground">{d.health.lastEventAt ? formatDateTime(d.health.lastEventAt) : 'never'}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
