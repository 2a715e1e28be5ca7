import type { DriftWindow, LatencyWindow, MonitoringDeployment } from '../../../../shared/contract/monitoring';

/** Latency percentiles, throughput (events per minute) and error rate per window, x in epoch ms. */
export function latencyChartData(windows: LatencyWindow[], resolutionMinutes: number) {
  return windows.map((w) => ({
    t: Date.parse(w.start),
    p50: w.p50,
    p90: w.p90,
    p95: w.p95,
    p99: w.p99,
    throughput: w.count / resolutionMinutes,
    errorRate: w.count > 0 ? (w.errors / w.count) * 100 : null,
  }));
}

/** Two versions' p99 on one time axis, for canary versus stable. */
export function p99Comparison(stable: LatencyWindow[], canary: LatencyWindow[]) {
  const rows = new Map<number, { t: number; stable: number | null; canary: number | null }>();
  for (const w of stable) rows.set(Date.parse(w.start), { t: Date.parse(w.start), stable: w.p99, canary: null });
  for (const w of canary) {
    const t = Date.parse(w.start);
    rows.set(t, { t, stable: rows.get(t)?.stable ?? null, canary: w.p99 });
  }
  return [...rows.values()].sort((a, b) => a.t - b.t);
}

/** Vertical markers where the deployment changed, inside the shown range. */
export function versionMarkers(markers: MonitoringDeployment['markers'], from: string, to: string) {
  const start = Date.parse(from);
  const end = Date.parse(to);
  return markers
    .map((m) => ({ at: Date.parse(m.at), label: markerLabel(m) }))
    .filter((m) => m.at >= start && m.at <= end);
}

function markerLabel(m: MonitoringDeployment['markers'][number]): string {
  if (m.canaryVersion) return `v${m.stableVersion ?? '–'} + canary v${m.canaryVersion} (${m.canaryWeight} %)`;
  return `v${m.stableVersion ?? '–'}`;
}

export type HeatLevel = 'none' | 'low' | 'medium' | 'high' | 'drifted';

export interface HeatCell {
  feature: string;
  start: string;
  score: number | null;
  drifted: boolean;
  level: HeatLevel;
  /** Score relative to its threshold: 1 at the threshold, higher is more drift (p-values inverted). */
  ratio: number | null;
}

/** How far a score is towards its threshold, whichever way the method points. */
export function thresholdRatio(method: string, score: number, threshold: number): number {
  const pValue = method === 'ks' || method === 'chisquare' || method === 'z';
  if (pValue) return score <= 0 ? Infinity : threshold / score;
  return threshold <= 0 ? Infinity : score / threshold;
}

/** Features × windows for the heatmap, coloured by score relative to the threshold. */
export function heatmapRows(features: Array<{ name: string }>, windows: DriftWindow[]): Array<{ feature: string; cells: HeatCell[] }> {
  return features.map(({ name }) => ({
    feature: name,
    cells: windows.map((w) => {
      const drift = w.features.find((f) => f.feature === name);
      if (!drift || drift.score === null) return { feature: name, start: w.start, score: null, drifted: false, level: 'none', ratio: null };
      const ratio = thresholdRatio(drift.method, drift.score, drift.threshold);
      const level: HeatLevel = drift.drifted ? 'drifted' : ratio >= 0.75 ? 'high' : ratio >= 0.4 ? 'medium' : 'low';
      return { feature: name, start: w.start, score: drift.score, drifted: drift.drifted, level, ratio };
    }),
  }));
}

/** A feature's score over time with its threshold, for the drill-down chart. */
export function featureScoreSeries(windows: DriftWindow[], feature: string) {
  return windows.map((w) => ({ t: Date.parse(w.start), score: w.features.find((f) => f.feature === feature)?.score ?? null }));
}
