import type { z } from 'zod';
import type { groupRuns } from '../../../shared/contract/runs';
import type { DatabaseHandle } from '../../db/database';
import { inBatches } from '../../db/in-batches';
import { searchRuns } from '../tracking/run-search.service';
import { searchInputOf, withFilterErrors } from './runs-page.service';

type GroupBody = z.output<(typeof groupRuns)['body']>;
type GroupsResponse = z.output<(typeof groupRuns)['response']>;

const maxRuns = 50_000;
const maxGroups = 500;

/** Group value per run: the param or tag value, or each dataset name the run used. */
async function valuesOf(database: DatabaseHandle, runIds: string[], groupBy: GroupBody['groupBy']): Promise<Map<string, string[]>> {
  const { db } = database;
  const rows =
    groupBy.entity === 'dataset'
      ? await inBatches(runIds, (batch) =>
          db.selectFrom('run_inputs').innerJoin('datasets', 'datasets.dataset_uuid', 'run_inputs.dataset_uuid').select(['run_inputs.run_uuid', 'datasets.name as value']).where('run_inputs.run_uuid', 'in', batch).execute(),
        )
      : await inBatches(runIds, (batch) =>
          db.selectFrom(groupBy.entity === 'param' ? 'params' : 'run_tags').select(['run_uuid', 'value']).where('key', '=', groupBy.key).where('run_uuid', 'in', batch).execute(),
        );
  const values = new Map<string, string[]>();
  for (const row of rows) values.set(row.run_uuid, [...(values.get(row.run_uuid) ?? []), row.value]);
  return values;
}

/**
 * Min/mean/max of chosen metrics per group over the first 50,000 runs of the view. NaN and
 * infinite values are left out of the statistics.
 */
export async function groupRunsView(database: DatabaseHandle, body: GroupBody): Promise<GroupsResponse> {
  const page = await withFilterErrors(body, () => searchRuns(database, { ...searchInputOf(body), maxResults: maxRuns }));
  const runIds = page.runIds;
  const [values, metrics] = await Promise.all([
    valuesOf(database, runIds, body.groupBy),
    body.metrics.length === 0
      ? Promise.resolve([])
      : inBatches(runIds, (batch) =>
          database.db.selectFrom('latest_metrics').select(['run_uuid', 'key', 'value', 'is_nan']).where('key', 'in', body.metrics).where('run_uuid', 'in', batch).execute(),
        ),
  ]);
  const metricsOf = new Map<string, Array<{ key: string; value: number }>>();
  for (const m of metrics) {
    if (m.is_nan || !Number.isFinite(Number(m.value))) continue;
    metricsOf.set(m.run_uuid, [...(metricsOf.get(m.run_uuid) ?? []), { key: m.key, value: Number(m.value) }]);
  }
  type Acc = { count: number; stats: Map<string, { min: number; max: number; sum: number; n: number }> };
  const groups = new Map<string | null, Acc>();
  for (const runId of runIds) {
    for (const value of values.get(runId) ?? [null]) {
      const group = groups.get(value) ?? { count: 0, stats: new Map() };
      groups.set(value, group);
      group.count += 1;
      for (const { key, value: v } of metricsOf.get(runId) ?? []) {
        const s = group.stats.get(key) ?? { min: v, max: v, sum: 0, n: 0 };
        group.stats.set(key, { min: Math.min(s.min, v), max: Math.max(s.max, v), sum: s.sum + v, n: s.n + 1 });
      }
    }
  }
  const sorted = [...groups.entries()].sort((a, b) => b[1].count - a[1].count || String(a[0]).localeCompare(String(b[0])));
  return {
    groups: sorted.slice(0, maxGroups).map(([value, group]) => ({
      value,
      count: group.count,
      metrics: Object.fromEntries(
        body.metrics.map((key) => {
          const s = group.stats.get(key);
          return [key, s ? { min: s.min, mean: s.sum / s.n, max: s.max } : { min: null, mean: null, max: null }];
        }),
      ),
    })),
    truncated: sorted.length > maxGroups,
    runsGrouped: runIds.length,
    limited: page.nextPageToken !== undefined,
  };
}
