import type { Alert } from '../../../../shared/contract/monitoring-alerts';
import { Badge } from '../../../components/ui/badge';
import { formatDateTime } from '../../../lib/format';

const actionText = { investigate: 'Investigate', retrain: 'Retrain', rollback: 'Roll back' } as const;

/**
 * Alerts with their suggested action. Links are built by the route (`hrefs`), which knows the
 * deployment pages: rollback goes to the deployment's page, where the rollback flow lives.
 */
export function AlertsList({ alerts, hrefs, showDeployment = true }: { alerts: Alert[]; hrefs: { deployment: (id: string) => string; monitoring: (id: string) => string }; showDeployment?: boolean }) {
  if (alerts.length === 0) return <p className="px-5 py-4 text-sm text-muted-foreground">No open alerts.</p>;
  return (
    <ul aria-label="Alerts" className="divide-y divide-border">
      {alerts.map((alert) => (
        <li key={alert.id} className="flex flex-wrap items-start justify-between gap-3 px-5 py-3 text-sm">
          <div className="min-w-0">
            <p className="flex items-center gap-2 font-medium text-foreground">
              <Badge tone={alert.status === 'open' ? 'danger' : 'neutral'}>{alert.status}</Badge>
              {alert.ruleName}
            </p>
            <p className="mt-0.5 text-muted-foreground">{alert.message}</p>
            <p className="mt-0.5 text-xs text-muted-foreground">
              {showDeployment && `${alert.modelName} · ${alert.environment} · `}opened {formatDateTime(alert.openedAt)}
            </p>
          </div>
          <a
            className={alert.action === 'rollback' ? 'rounded-md bg-danger px-3 py-1.5 text-xs font-medium text-white hover:bg-danger/90' : 'rounded-md border border-border px-3 py-1.5 text-xs font-medium hover:bg-muted'}
            href={alert.action === 'rollback' ? hrefs.deployment(alert.deploymentId) : hrefs.monitoring(alert.deploymentId)}
          >
            {actionText[alert.action]}
            {alert.action === 'rollback' ? ` to stable` : ''}
          </a>
        </li>
      ))}
    </ul>
  );
}
