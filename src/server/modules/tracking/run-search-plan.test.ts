import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../testing/build-test-app';
import { seedSearchExperiment } from '../../testing/tracking-bulk-seed';
import { type RunSearchInput, searchRuns } from './run-search.service';

/**
 * Enough runs that every filter below is "broad" (≥ 2000 matches), so on SQLite the search walks
 * the sort key's index with a pinned join order and crosses from runs with the key to runs
 * lacking it: each page sequence must equal the order computed here from the raw rows.
 */
let t: TestApp;
let experimentId: string;

interface Row {
  id: string;
  start: number;
  model: string;
  lr: string;
  accuracy: number;
  loss?: number;
  lossNan: boolean;
}
let rows: Row[] = [];

beforeAll(async () => {
  t = await buildTestApp();
  const handle = t.database.handle;
  experimentId = String(await seedSearchExperiment(handle, 6000));
  const runs = await handle.db.selectFrom('runs').select(['run_uuid', 'start_time']).where('experiment_id', '=', Number(experimentId)).orderBy('run_uuid').execute();
  // Some runs lose their loss, some get a NaN one: they must come after every numeric value.
  const ids = runs.map((run) => run.run_uuid);
  await handle.db.deleteFrom('latest_metrics').where('key', '=', 'loss').where('run_uuid', 'in', ids.filter((_, i) => i % 7 === 0)).execute();
  await handle.db.updateTable('latest_metrics').set({ is_nan: 1, value: 0 }).where('key', '=', 'loss').where('run_uuid', 'in', ids.filter((_, i) => i % 11 === 0)).execute();
  const byId = new Map<string, Row>(runs.map((run) => [run.run_uuid, { id: run.run_uuid, start: run.start_time, model: '', lr: '', accuracy: Number.NaN, lossNan: false }]));
  for (const param of await handle.db.selectFrom('params').innerJoin('runs', 'runs.run_uuid', 'params.run_uuid').select(['params.run_uuid', 'key', 'value']).where('experiment_id', '=', Number(experimentId)).execute()) {
    const row = byId.get(param.run_uuid) as Row;
    if (param.key === 'model') row.model = param.value;
    if (param.key === 'lr') row.lr = param.value;
  }
  for (const metric of await handle.db.selectFrom('latest_metrics').selectAll().where('experiment_id', '=', Number(experimentId)).execute()) {
    const row = byId.get(metric.run_uuid) as Row;
    if (metric.key === 'accuracy') row.accuracy = metric.value;
    if (metric.key === 'loss') {
      row.loss = metric.value;
      row.lossNan = metric.is_nan === 1;
    }
  }
  rows = [...byId.values()];
}, 120_000);
afterAll(() => t.close());

const tieBreak = (a: Row, b: Row) => b.start - a.start || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
/** Numeric first (by value), then NaN, then missing; ties newest first, then by id. */
function byLoss(ascending: boolean) {
  const rank = (row: Row) => (row.loss === undefined ? 2 : row.lossNan ? 1 : 0);
  return (a: Row, b: Row) => rank(a) - rank(b) || (rank(a) === 0 ? ((a.loss as number) - (b.loss as number)) * (ascending ? 1 : -1) : 0) || tieBreak(a, b);
}

async function allPages(input: Omit<RunSearchInput, 'experimentIds'>): Promise<string[]> {
  const ids: string[] = [];
  let pageToken: string | undefined;
  do {
    const page = await searchRuns(t.database.handle, { experimentIds: [experimentId], ...input, pageToken });
    ids.push(...page.runIds);
    pageToken = page.nextPageToken;
  } while (pageToken);
  return ids;
}

describe('run search over a large experiment', () => {
  it('walks a metric sort key across pages, runs lacking it or NaN last', async () => {
    const filter = "metrics.accuracy > 0.3 and params.model = 'gbm'";
    const expected = rows.filter((row) => row.accuracy > 0.3 && row.model === 'gbm').sort(byLoss(true));
    expect(await allPages({ filter, orderBy: ['metrics.loss ASC'], maxResults: 400 })).toEqual(expected.map((row) => row.id));
    const descending = rows.filter((row) => row.model !== 'lr').sort(byLoss(false));
    expect(await allPages({ filter: "params.model != 'lr'", orderBy: ['metrics.loss DESC'], maxResults: 700 })).toEqual(descending.map((row) => row.id));
  });

  it('sorts by a filtered metric, by a param, and by start time', async () => {
    const accurate = rows.filter((row) => row.accuracy > 0.5).sort((a, b) => b.accuracy - a.accuracy || tieBreak(a, b));
    expect(await allPages({ filter: 'metrics.accuracy > 0.5', orderBy: ['metrics.accuracy DESC'], maxResults: 1000 })).toEqual(accurate.map((row) => row.id));
    const byLr = rows.filter((row) => row.model === 'rf').sort((a, b) => (a.lr < b.lr ? -1 : a.lr > b.lr ? 1 : 0) || tieBreak(a, b));
    expect(await allPages({ filter: "params.model = 'rf' and metrics.accuracy >= 0", orderBy: ['params.lr'], maxResults: 999 })).toEqual(byLr.map((row) => row.id));
    const newest = rows.filter((row) => row.model === 'gbm' && row.accuracy < 0.9).sort(tieBreak);
    expect(await allPages({ filter: "params.model = 'gbm' and metrics.accuracy < 0.9", maxResults: 500 })).toEqual(newest.map((row) => row.id));
  });
});
