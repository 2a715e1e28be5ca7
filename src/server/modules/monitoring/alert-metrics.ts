import type { Resolution } from '../../../shared/contract/monitoring';
import type { AlertRule } from '../../../shared/contract/monitoring-alerts';
import type { Db } from '../../db/database';
import type { WindowValue } from './alert-evaluation';
import { chooseMethods, type DriftStatistics, driftInput, windowDrift } from './drift-engine';
import { mergeAll, profileLoader } from './drift.service';
import type { DriftSettings } from '../../../shared/contract/monitoring';
import { mergeSketch, newLatencySketch } from './latency-sketch';
import { baseGranularity, bucketStart, resolutionSeconds } from './resolution';
import { readWindows } from './windows.repository';

export const resolutionOfMinutes: Record<AlertRule['windowMinutes'], Resolution> = { 1: '1m', 5: '5m', 15: '15m', 60: '1h', 360: '6h', 1440: '1d' };

const subjectAll = '';

/**
 * The rule's metric for each of the last `consecutive` closed windows, per subject (a feature
 * for feature metrics, '' otherwise). The current, still open window is left out.
 */
export async function ruleSeries(
  db: Db,
  statistics: DriftStatistics,
  rule: AlertRule,
  target: { deploymentId: number; version: number; settings: DriftSettings },
  now: number,
): Promise<Map<string, WindowValue[]>> {
  const resolution = resolutionOfMinutes[rule.windowMinutes];
  const size = resolutionSeconds[resolution] * 1000;
  const to = bucketStart(now, resolution);
  const from = to - rule.consecutive * size;
  const drift = rule.metric === 'feature_psi' || rule.metric === 'drifted_features' || rule.metric === 'drift_share';
  const windows = await readWindows(db, { deploymentId: target.deploymentId, versions: [target.version], granularity: baseGranularity(resolution), from, to, features: drift });
  const load = profileLoader(db);
  const series = new Map<string, WindowValue[]>();
  const push = (subject: string, index: number, value: WindowValue) => {
    const values = series.get(subject) ?? new Array<WindowValue>(rule.consecutive).fill(null);
    values[index] = value;
    series.set(subject, values);
  };
  if (!drift) series.set(subjectAll, new Array<WindowValue>(rule.consecutive).fill(null));

  for (let index = 0; index < rule.consecutive; index++) {
    const start = from + index * size;
    const items = windows.filter((w) => w.start >= start && w.start < start + size);
    const merged = mergeAll(items);
    if (!merged || merged.count === 0) continue;
    if (!drift) {
      push(subjectAll, index, scalarMetric(rule.metric, merged.latency, merged.count, merged.errors));
      continue;
    }
    const binnedOn = merged.profileId === null ? null : await load(merged.profileId);
    if (!binnedOn || !merged.features) continue;
    if (rule.metric === 'feature_psi') {
      binnedOn.profile.features.forEach((feature, i) => {
        const agg = merged.features?.[i];
        push(feature.name, index, agg && agg.count > 0 ? statistics.score('psi', driftInput(feature, agg)) : null);
      });
      continue;
    }
    const result = windowDrift(binnedOn.profile, merged.features, chooseMethods(binnedOn.profile, target.settings, statistics), target.settings.driftShare, statistics);
    push(subjectAll, index, rule.metric === 'drift_share' ? result.driftShare : result.features.filter((f) => f.drifted).length);
  }
  return series;
}

function scalarMetric(metric: AlertRule['metric'], latency: ReturnType<typeof newLatencySketch>, count: number, errors: number): WindowValue {
  if (metric === 'error_rate') return count > 0 ? errors / count : null;
  const sketch = newLatencySketch();
  mergeSketch(sketch, latency);
  const quantile = metric === 'latency_p50' ? 0.5 : metric === 'latency_p95' ? 0.95 : 0.99;
  return sketch.count > 0 ? sketch.getValueAtQuantile(quantile) : null;
}
