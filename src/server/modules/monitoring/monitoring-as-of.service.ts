import type { MonitoringAsOfDeployment } from '../../../shared/contract/monitoring-as-of';
import type { Db } from '../../db/database';
import { listAlerts } from './alerts.repository';
import { deploymentHistory, listDeployments } from './deployment-lookup.repository';
import { versionHealth } from './version-health.service';

const hourMs = 3_600_000;
/** Enough for every alert open at one moment; alerts are per rule × deployment × version. */
const alertLimit = 500;

/**
 * "What monitoring said" at a past moment, rebuilt from what is kept: the deployment history
 * says which versions served then, the per-minute windows give the hour before it, and alert
 * rows keep when they opened and resolved.
 */
export async function monitoringAsOf(db: Db, at: number): Promise<{ at: string; deployments: MonitoringAsOfDeployment[] }> {
  const alerts = await listAlerts(db, { status: 'all', limit: alertLimit, openAt: at });
  const deployments: MonitoringAsOfDeployment[] = [];
  for (const deployment of await listDeployments(db)) {
    const then = (await deploymentHistory(db, deployment.id)).filter((entry) => entry.at <= at).at(-1);
    if (!then) continue;
    const range = { from: at - hourMs, to: at };
    const serving = [
      { role: 'stable' as const, version: then.stableVersion },
      { role: 'canary' as const, version: then.canaryVersion },
    ].filter((s): s is { role: 'stable' | 'canary'; version: number } => s.version !== null);
    const versions = [];
    for (const { role, version } of serving) versions.push({ role, ...(await versionHealth(db, deployment.id, version, range)) });
    deployments.push({
      deploymentId: String(deployment.id),
      modelName: deployment.modelName,
      environment: deployment.environment,
      versions,
      openAlerts: alerts.filter((a) => a.deploymentId === String(deployment.id)),
    });
  }
  return { at: new Date(at).toISOString(), deployments };
}
