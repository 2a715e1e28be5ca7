import type { MonitoringDeployment } from '../../../shared/contract/monitoring';
import type { Db } from '../../db/database';
import { invalidParameter, notFound } from '../../errors';
import { countOpenAlerts } from './alerts.repository';
import { type DeploymentView, deploymentHistory, findDeployment, listDeployments } from './deployment-lookup.repository';
import { driftStatistics } from './drift-statistics';
import { summarize } from './latency.service';
import { versionsWithProfiles } from './profiles.repository';
import { versionsServedBetween } from './served-versions';
import { versionHealth } from './version-health.service';
import { lastWindowStart, readWindows } from './windows.repository';

export async function deploymentOrThrow(db: Db, id: string): Promise<DeploymentView> {
  const deployment = await findDeployment(db, Number(id));
  if (!deployment) throw notFound(`No deployment with id ${id}`);
  return deployment;
}

/** The version a query is about: the one asked for, else stable (else canary). */
export function versionFor(deployment: DeploymentView, version: string | undefined): number | null {
  if (version !== undefined) return Number(version);
  return deployment.stableVersion ?? deployment.canaryVersion;
}

const text = (v: number | null) => (v === null ? null : String(v));

export async function monitoringDeployment(db: Db, deployment: DeploymentView): Promise<MonitoringDeployment> {
  const history = await deploymentHistory(db, deployment.id);
  const withProfiles = await versionsWithProfiles(db, deployment.modelName);
  const previous = versionsServedBetween(deployment, history, 0, Date.now()).filter((v) => v !== deployment.stableVersion && v !== deployment.canaryVersion);
  const versions = [
    ...(deployment.stableVersion !== null ? [{ version: deployment.stableVersion, role: 'stable' as const }] : []),
    ...(deployment.canaryVersion !== null ? [{ version: deployment.canaryVersion, role: 'canary' as const }] : []),
    ...previous.map((version) => ({ version, role: 'previous' as const })),
  ];
  return {
    id: String(deployment.id),
    modelName: deployment.modelName,
    environment: deployment.environment,
    stableVersion: text(deployment.stableVersion),
    canaryVersion: text(deployment.canaryVersion),
    canaryWeight: deployment.canaryWeight,
    versions: versions.map((v) => ({ version: String(v.version), role: v.role, hasReference: withProfiles.has(v.version) })),
    markers: history.map((h) => ({ at: new Date(h.at).toISOString(), change: h.change, stableVersion: text(h.stableVersion), canaryVersion: text(h.canaryVersion), canaryWeight: h.canaryWeight })),
  };
}

/** Every deployment with the last hour's events, errors, p99, stable drift share and open alerts. */
export async function monitoredDeployments(db: Db, now = Date.now()) {
  const range = { from: now - 3_600_000, to: now };
  const items = [];
  for (const deployment of await listDeployments(db)) {
    const versions = [deployment.stableVersion, deployment.canaryVersion].filter((v): v is number => v !== null);
    const latency = summarize(await readWindows(db, { deploymentId: deployment.id, versions, granularity: 60, from: range.from, to: range.to }));
    const stable = deployment.stableVersion === null ? null : await versionHealth(db, deployment.id, deployment.stableVersion, range, driftStatistics);
    const last = await lastWindowStart(db, deployment.id);
    items.push({
      id: String(deployment.id),
      modelName: deployment.modelName,
      environment: deployment.environment,
      stableVersion: text(deployment.stableVersion),
      canaryVersion: text(deployment.canaryVersion),
      canaryWeight: deployment.canaryWeight,
      health: {
        events: latency.count,
        errorRate: latency.errorRate,
        p99: latency.p99,
        driftShare: stable?.driftShare ?? null,
        openAlerts: await countOpenAlerts(db, deployment.id),
        lastEventAt: last === null ? null : new Date(last).toISOString(),
      },
    });
  }
  return items;
}

export function checkRange(range: { from: number; to: number }) {
  if (!(range.from < range.to)) throw invalidParameter('from must be before to', [{ path: 'query.from', message: 'must be before to' }]);
}
