import type { VersionRow } from '../../../../shared/contract/models';

/** The metric keys most versions on the page have (at most `count`), for the versions table's columns. */
export function keyMetrics(rows: VersionRow[], count = 3): string[] {
  const seen = new Map<string, number>();
  for (const row of rows) for (const metric of row.metrics) seen.set(metric.key, (seen.get(metric.key) ?? 0) + 1);
  return [...seen].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).slice(0, count).map(([key]) => key);
}

export function formatMetric(value: number | null | undefined): string {
  if (value === null) return 'NaN';
  if (value === undefined) return '—';
  return Math.abs(value) >= 1000 || Number.isInteger(value) ? String(value) : value.toPrecision(4);
}
