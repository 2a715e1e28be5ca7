import type { DriftSettings, FeatureDrift, VersionHealth } from '../../../shared/contract/monitoring';
import type { Db } from '../../db/database';
import { chooseMethods, type DriftStatistics, windowDrift } from './drift-engine';
import { driftStatistics } from './drift-statistics';
import { mergeAll, profileLoader } from './drift.service';
import { defaultDriftSettings, findDriftSettings } from './drift-settings.repository';
import { deploymentIdsOfModel } from './deployment-lookup.repository';
import { summarize } from './latency.service';
import type { TimeRange } from './resolution';
import { readWindows } from './windows.repository';

/** Drift of one merged range of windows against the profile they were binned on. */
async function rangeDrift(db: Db, statistics: DriftStatistics, deploymentIds: number[], version: number, range: TimeRange, settings: DriftSettings) {
  const granularity = range.to - range.from <= 6 * 3_600_000 ? 60 : 3600;
  const windows = (
    await Promise.all(deploymentIds.map((deploymentId) => readWindows(db, { deploymentId, versions: [version], granularity, from: range.from, to: range.to, features: true })))
  ).flat();
  const merged = mergeAll(windows);
  const binnedOn = merged?.profileId != null ? await profileLoader(db)(merged.profileId) : null;
  const drift = merged && binnedOn ? windowDrift(binnedOn.profile, merged.features, chooseMethods(binnedOn.profile, settings, statistics), settings.driftShare, statistics) : null;
  return { windows, drift };
}

export async function versionHealth(db: Db, deploymentId: number, version: number, range: TimeRange, statistics: DriftStatistics = driftStatistics): Promise<VersionHealth> {
  const settings = await findDriftSettings(db, deploymentId);
  const { windows, drift } = await rangeDrift(db, statistics, [deploymentId], version, range, settings);
  const latency = summarize(windows);
  return {
    version: String(version),
    count: latency.count,
    errorRate: latency.errorRate,
    p50: latency.p50,
    p95: latency.p95,
    p99: latency.p99,
    driftShare: drift?.driftShare ?? null,
    driftedFeatures: drift?.features.filter((f) => f.drifted).map((f) => f.feature) ?? [],
  };
}

export interface VersionDriftSummary {
  modelName: string;
  version: number;
  from: string;
  to: string;
  events: number;
  hasReference: boolean;
  driftShare: number | null;
  datasetDrift: boolean;
  features: Array<FeatureDrift & { critical: boolean }>;
  /** What the promotions gate "no critical drift" checks. */
  criticallyDrifted: boolean;
}

/** Well past the threshold: a distance at twice it, or a p-value a tenth of it. */
export function isCritical(feature: FeatureDrift): boolean {
  if (!feature.drifted || feature.score === null) return false;
  const pValue = feature.method === 'ks' || feature.method === 'chisquare' || feature.method === 'z';
  return pValue ? feature.score < feature.threshold / 10 : feature.score >= feature.threshold * 2;
}

/**
 * Drift of a version's live data (every deployment of the model, the last `hours`) against its
 * reference. Critical when the dataset drifts (share ≥ drift share) or one feature is far past
 * its threshold. For the promotions module's "no critical drift" gate.
 */
export async function versionDriftSummary(db: Db, modelName: string, version: number, options: { hours?: number; now?: number } = {}): Promise<VersionDriftSummary> {
  const to = options.now ?? Date.now();
  const range = { from: to - (options.hours ?? 24) * 3_600_000, to };
  const deploymentIds = await deploymentIdsOfModel(db, modelName);
  const settings = deploymentIds.length === 1 ? await findDriftSettings(db, deploymentIds[0] as number) : defaultDriftSettings;
  const { windows, drift } = await rangeDrift(db, driftStatistics, deploymentIds, version, range, settings);
  const features = (drift?.features ?? []).map((f) => ({ ...f, critical: isCritical(f) }));
  return {
    modelName,
    version,
    from: new Date(range.from).toISOString(),
    to: new Date(range.to).toISOString(),
    events: windows.reduce((s, w) => s + w.agg.count, 0),
    hasReference: drift !== null,
    driftShare: drift?.driftShare ?? null,
    datasetDrift: drift?.datasetDrift ?? false,
    features,
    criticallyDrifted: Boolean(drift?.datasetDrift) || features.some((f) => f.critical),
  };
}
