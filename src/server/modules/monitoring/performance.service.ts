import type { Resolution } from '../../../shared/contract/monitoring';
import type { Db } from '../../db/database';
import type { DeploymentView } from './deployment-lookup.repository';
import { mergePerformance, metricsOf, type PerformanceAcc, performanceMetrics } from './performance';
import { findActiveProfile } from './profiles.repository';
import { baseGranularity, bucketStart, groupByBucket, type TimeRange } from './resolution';
import { readWindows } from './windows.repository';

/** Accuracy/F1 or MAE/RMSE per window from labelled predictions, next to the reference's. */
export async function performanceSeries(db: Db, deployment: DeploymentView, version: number | null, range: TimeRange, resolution: Resolution) {
  const empty = { version: null, resolution, taskType: null, metrics: [], reference: null, windows: [] };
  if (version === null) return empty;
  const profile = await findActiveProfile(db, deployment.modelName, version);
  const windows = (
    await readWindows(db, { deploymentId: deployment.id, versions: [version], granularity: baseGranularity(resolution), from: bucketStart(range.from, resolution), to: range.to, performance: true })
  ).filter((w) => w.agg.performance !== null);
  const accs = groupByBucket(windows, (w) => w.start, resolution).map(({ start, items }) => ({
    start,
    acc: items.map((w) => w.agg.performance as PerformanceAcc).reduce(mergePerformance),
  }));
  const taskType = profile?.profile.taskType ?? (accs.some((a) => Object.keys(a.acc.classes).length > 0) ? 'classification' : accs.length > 0 ? 'regression' : null);
  if (!taskType) return { ...empty, version: String(version) };
  return {
    version: String(version),
    resolution,
    taskType,
    metrics: metricsOf(taskType),
    reference: profile?.profile.performance ?? null,
    windows: accs.map(({ start, acc }) => ({ start: new Date(start).toISOString(), labelled: acc.n, values: performanceMetrics(acc, taskType) })),
  };
}
