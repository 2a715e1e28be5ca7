import type { FastifyInstance } from 'fastify';
import {
  getCanaryComparison,
  getDrift,
  getDriftSettings,
  getFeatureDrift,
  getLatency,
  getMonitoringDeployment,
  getPerformance,
  getPredictionDistribution,
  listMonitoredDeployments,
  putDriftSettings,
} from '../../../shared/contract/monitoring';
import { getMonitoringAsOf } from '../../../shared/contract/monitoring-as-of';
import { notFound } from '../../errors';
import { contractRoute, PreSerialized } from '../../http/contract-route';
import { inTransaction } from '../../db/transaction';
import { appendAudit } from '../audit/audit.service';
import { principalOf } from '../auth/auth.routes';
import { auditContextFor } from '../auth/principal';
import { alertsRoutes } from './alerts.routes';
import { AlertScheduler } from './alert-scheduler';
import { recommendCanary } from './canary-recommendation';
import { findDriftSettings, saveDriftSettings } from './drift-settings.repository';
import { driftStatistics } from './drift-statistics';
import { distribution, driftResponseJson, driftSeries } from './drift.service';
import { ingestRoutes } from './ingest.routes';
import { latencyOf } from './latency.service';
import { monitoringAsOf } from './monitoring-as-of.service';
import { checkRange, deploymentOrThrow, monitoredDeployments, monitoringDeployment, versionFor } from './monitoring-query.service';
import { performanceSeries } from './performance.service';
import { ProfileCache } from './profile-cache';
import { findActiveProfile } from './profiles.repository';
import { autoResolution, resolveRange } from './resolution';
import { versionHealth } from './version-health.service';

/** Monitoring: ingestion, reference profiles, chart queries, alert rules and the alert scheduler. */
export async function monitoringRoutes(app: FastifyInstance) {
  const { database } = app.deps;
  const db = database.db;
  const profiles = new ProfileCache();
  const scheduler = new AlertScheduler(database, driftStatistics, app.log, { intervalMs: 60_000, debounceMs: 2_000 });
  app.addHook('onReady', async () => scheduler.start());
  app.addHook('onClose', async () => scheduler.stop());

  await app.register(ingestRoutes, { profiles, scheduler });
  await app.register(alertsRoutes);

  contractRoute(app, listMonitoredDeployments, 'monitoring:read', async () => ({ items: await monitoredDeployments(db) }));
  contractRoute(app, getMonitoringAsOf, 'monitoring:read', ({ query }) => monitoringAsOf(db, Date.parse(query.at)));

  contractRoute(app, getMonitoringDeployment, 'monitoring:read', async ({ params }) => monitoringDeployment(db, await deploymentOrThrow(db, params.deploymentId)));

  /** The deployment, version, range and resolution of a chart query. */
  const scope = async (params: { deploymentId: string }, query: { from?: string | undefined; to?: string | undefined; version?: string | undefined; resolution?: string | undefined }) => {
    const deployment = await deploymentOrThrow(db, params.deploymentId);
    const range = resolveRange(query);
    checkRange(range);
    const resolution = (query.resolution as ReturnType<typeof autoResolution> | undefined) ?? autoResolution(range.from, range.to);
    return { deployment, range, resolution, version: versionFor(deployment, query.version) };
  };

  contractRoute(app, getDrift, 'monitoring:read', async ({ params, query }) => {
    const { deployment, range, resolution, version } = await scope(params, query);
    const settings = await findDriftSettings(db, deployment.id);
    const base = { version: version === null ? null : String(version), resolution, driftShareThreshold: settings.driftShare };
    // The parsed profile from the cache ingestion uses: parsing it (samples included) per query cost more than the rest.
    const profile = version === null ? null : await profiles.get(db, deployment.modelName, version);
    if (version === null || !profile) return { ...base, features: [], windows: [] };
    const { features, windows } = await driftSeries({ db, statistics: driftStatistics, deploymentId: deployment.id, version, range, settings }, resolution, profile);
    return new PreSerialized(driftResponseJson({ ...base, features }, windows));
  });

  const distributionOf = async (params: { deploymentId: string }, query: { from?: string | undefined; to?: string | undefined; version?: string | undefined }, feature: string | null) => {
    const { deployment, range, version } = await scope(params, query);
    const profile = version === null ? null : await findActiveProfile(db, deployment.modelName, version);
    if (version === null || !profile) return null;
    const settings = await findDriftSettings(db, deployment.id);
    return distribution({ db, statistics: driftStatistics, deploymentId: deployment.id, version, range, settings }, profile, feature);
  };

  contractRoute(app, getFeatureDrift, 'monitoring:read', async ({ params, query }) => {
    const result = await distributionOf(params, query, params.feature);
    if (!result) throw notFound('This version has no reference profile');
    return result;
  });

  contractRoute(app, getPredictionDistribution, 'monitoring:read', ({ params, query }) => distributionOf(params, query, null));

  contractRoute(app, getLatency, 'monitoring:read', async ({ params, query }) => {
    const { deployment, range, resolution } = await scope(params, query);
    const versions = query.version !== undefined ? [Number(query.version)] : (await monitoringDeployment(db, deployment)).versions.map((v) => Number(v.version));
    return { version: query.version ?? null, resolution, windows: await latencyOf(db, deployment.id, versions, range, resolution) };
  });

  contractRoute(app, getPerformance, 'monitoring:read', async ({ params, query }) => {
    const { deployment, range, resolution, version } = await scope(params, query);
    return performanceSeries(db, deployment, version, range, resolution);
  });

  contractRoute(app, getCanaryComparison, 'monitoring:read', async ({ params, query }) => {
    const { deployment, range } = await scope(params, query);
    const stable = deployment.stableVersion === null ? null : await versionHealth(db, deployment.id, deployment.stableVersion, range);
    const canary = deployment.canaryVersion === null ? null : await versionHealth(db, deployment.id, deployment.canaryVersion, range);
    return { stable, canary, recommendation: canary ? recommendCanary(stable, canary) : null };
  });

  contractRoute(app, getDriftSettings, 'monitoring:read', async ({ params }) => findDriftSettings(db, (await deploymentOrThrow(db, params.deploymentId)).id));

  contractRoute(app, putDriftSettings, 'monitoring:configure', async ({ params, body }, request) => {
    const deployment = await deploymentOrThrow(db, params.deploymentId);
    return inTransaction(database, async (tx) => {
      const before = await findDriftSettings(tx, deployment.id);
      await saveDriftSettings(tx, deployment.id, body);
      await appendAudit(tx, auditContextFor(principalOf(request), request), { action: 'monitoring.drift-settings-changed', entityType: 'deployment', entityId: String(deployment.id), before, after: body });
      return body;
    });
  });
}
