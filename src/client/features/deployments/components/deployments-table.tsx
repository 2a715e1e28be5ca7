import type { ReactNode } from 'react';
import { Link } from 'react-router';
import type { Deployment, Environment } from '../../../../shared/contract/deployments';
import { Badge } from '../../../components/ui/badge';
import { paths } from '../../../config/paths';
import { formatDateTime } from '../../../lib/format';
import { ServingCell } from './serving-cell';

interface DeploymentsTableProps {
  deployments: Deployment[];
  environments: Environment[];
  /**
   * The health column's content for one deployment. Monitoring fills it (drift, latency, errors);
   * until it does, the column says so rather than showing made-up data.
   */
  renderHealth?: (deployment: Deployment) => ReactNode;
}

/** Every model × environment: what serves, the canary and its weight, since when, and health. */
export function DeploymentsTable({ deployments, environments, renderHealth }: DeploymentsTableProps) {
  const order = new Map(environments.map((e) => [e.name, e.order]));
  const rows = [...deployments].sort((a, b) => a.modelName.localeCompare(b.modelName) || (order.get(a.environment) ?? 0) - (order.get(b.environment) ?? 0));
  const isProtected = new Set(environments.filter((e) => e.protected).map((e) => e.name));
  return (
    <table className="w-full text-sm">
      <thead className="text-left text-xs text-muted-foreground uppercase">
        <tr>
          <th className="px-5 py-2 font-medium">Model</th>
          <th className="px-5 py-2 font-medium">Environment</th>
          <th className="px-5 py-2 font-medium">Serving</th>
          <th className="px-5 py-2 font-medium">Since</th>
          <th className="px-5 py-2 font-medium">Health</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((d) => (
          <tr key={d.id} className="border-t border-border">
            <td className="px-5 py-2 font-medium">
              <Link className="text-primary hover:underline" to={paths.deployment.href(d.id)} aria-label={`${d.modelName} in ${d.environment}`}>
                {d.modelName}
              </Link>
            </td>
            <td className="px-5 py-2">
              {d.environment} {isProtected.has(d.environment) && <Badge tone="info">protected</Badge>}
            </td>
            <td className="px-5 py-2">
              <ServingCell deployment={d} />
            </td>
            <td className="px-5 py-2 text-muted-foreground">{formatDateTime(d.updatedAt)}</td>
            <td className="px-5 py-2 text-muted-foreground">
              {renderHealth ? renderHealth(d) : <span title="Health appears here once monitoring is connected">—</span>}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
