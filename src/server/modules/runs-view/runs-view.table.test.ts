import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunRow } from '../../../shared/contract/runs';
import { type TestApp, buildTestApp } from '../../testing/build-test-app';
import { seedExperiment } from '../../testing/bulk-runs-seed';
import { seedRun } from '../../testing/tracking-seed';

let t: TestApp;
let viewer: Record<string, string>;
let experimentId: string;

interface Page { items: RunRow[]; nextCursor: string | null; total: number | null }

beforeAll(async () => {
  t = await buildTestApp();
  viewer = (await t.userWithRole('viewer')).headers;
  const db = t.database.handle.db;
  experimentId = String(await seedExperiment(db, 'table'));
  const data = { name: 'train', digest: 'abc123', context: 'training' };
  await seedRun(db, experimentId, { name: 'a', params: { model: 'gbm' }, metrics: { rmse: 0.3, acc: 0.9 }, datasets: [data], startTime: 1_800_000_001_000 });
  await seedRun(db, experimentId, { name: 'b', params: { model: 'gbm' }, metrics: { rmse: 0.5, acc: 0.8 }, startTime: 1_800_000_002_000 });
  await seedRun(db, experimentId, { name: 'c', params: { model: 'lr' }, metrics: { rmse: 0.7 }, status: 'FAILED', datasets: [data], startTime: 1_800_000_003_000 });
  await seedRun(db, experimentId, { name: 'd', params: { model: 'lr' }, metrics: { rmse: Number.NaN }, tags: { team: 'x' }, startTime: 1_800_000_004_000 });
});
afterAll(() => t.close());

const search = (body: object) => t.request<Page>({ method: 'POST', url: '/api/v1/runs/search', headers: viewer, payload: { experimentIds: [experimentId], ...body } });

describe('runs page', () => {
  it('filters in MLflow syntax, orders, keeps only the chosen columns and counts the total', async () => {
    const res = await search({ filter: "params.model = 'gbm'", orderBy: ['metrics.rmse DESC'], columns: { metrics: ['rmse'], params: ['model'] } });
    expect(res.status).toBe(200);
    expect(res.body.total).toBe(2);
    expect(res.body.items.map((r) => r.runName)).toEqual(['b', 'a']);
    expect(res.body.items[1]).toMatchObject({ metrics: { rmse: 0.3 }, params: { model: 'gbm' }, tags: {}, datasets: [{ name: 'train', context: 'training' }] });
  });

  it('pages with a cursor and applies the status and time pickers', async () => {
    const first = await search({ limit: 3 });
    expect(first.body.items.map((r) => r.runName)).toEqual(['d', 'c', 'b']);
    const second = await search({ limit: 3, cursor: first.body.nextCursor });
    expect(second.body.items.map((r) => r.runName)).toEqual(['a']);
    expect((await search({ statuses: ['FAILED'] })).body.items.map((r) => r.runName)).toEqual(['c']);
    const window = await search({ startedAfter: new Date(1_800_000_002_000).toISOString(), startedBefore: new Date(1_800_000_004_000).toISOString() });
    expect(window.body.items.map((r) => r.runName)).toEqual(['c', 'b']);
  });

  it('spells NaN out', async () => {
    const res = await search({ filter: "attributes.run_name = 'd'", columns: { metrics: ['rmse'] } });
    expect(res.body.items[0]!.metrics).toEqual({ rmse: 'NaN' });
  });

  it('answers a bad filter with the offending token located in the user text', async () => {
    const filter = "params.model = 'gbm' and metrics.rmse ~ 1";
    const res = await t.request<{ error: { details: Array<{ path: string; start: number; end: number }> } }>({
      method: 'POST', url: '/api/v1/runs/search', headers: viewer, payload: { experimentIds: [experimentId], filter, statuses: ['FINISHED'] },
    });
    expect(res.status).toBe(400);
    const [detail] = res.body.error.details;
    expect(detail!.path).toBe('body.filter');
    expect(filter.slice(detail!.start, detail!.end)).toBe('~');
    const order = await search({ orderBy: ['metrics.rmse SIDEWAYS'] });
    expect(order.status).toBe(400);
  });
});

describe('groups and export', () => {
  it('groups by param with min/mean/max, leaving NaN out', async () => {
    const res = await t.request<{ groups: Array<{ value: string; count: number; metrics: Record<string, { min: number | null; mean: number | null; max: number | null }> }>; runsGrouped: number }>({
      method: 'POST', url: '/api/v1/runs/groups', headers: viewer, payload: { experimentIds: [experimentId], groupBy: { entity: 'param', key: 'model' }, metrics: ['rmse'] },
    });
    expect(res.status).toBe(200);
    expect(res.body.runsGrouped).toBe(4);
    const gbm = res.body.groups.find((g) => g.value === 'gbm')!;
    expect(gbm.count).toBe(2);
    expect(gbm.metrics.rmse!.min).toBeCloseTo(0.3);
    expect(gbm.metrics.rmse!.mean).toBeCloseTo(0.4);
    expect(res.body.groups.find((g) => g.value === 'lr')!.metrics.rmse).toEqual({ min: 0.7, mean: 0.7, max: 0.7 });
  });

  it('groups by dataset, runs without one in a null group', async () => {
    const res = await t.request<{ groups: Array<{ value: string | null; count: number }> }>({
      method: 'POST', url: '/api/v1/runs/groups', headers: viewer, payload: { experimentIds: [experimentId], groupBy: { entity: 'dataset' } },
    });
    expect(res.body.groups).toEqual(expect.arrayContaining([expect.objectContaining({ value: 'train', count: 2 }), expect.objectContaining({ value: null, count: 2 })]));
  });

  it('streams the view as CSV and refuses a bad filter before the first byte', async () => {
    const query = JSON.stringify({ experimentIds: [experimentId], orderBy: ['metrics.rmse ASC'], columns: { metrics: ['rmse'], params: ['model'] } });
    const res = await t.request<string>({ url: `/api/v1/runs/export?query=${encodeURIComponent(query)}`, headers: viewer });
    expect(res.status).toBe(200);
    expect(String(res.headers['content-type'])).toContain('text/csv');
    const lines = res.body.trim().split('\r\n');
    expect(lines[0]).toContain('metrics.rmse,params.model');
    expect(lines).toHaveLength(5);
    expect(lines[1]).toContain(',a,');
    const bad = await t.request({ url: `/api/v1/runs/export?query=${encodeURIComponent(JSON.stringify({ experimentIds: [experimentId], filter: 'nonsense ==' }))}`, headers: viewer });
    expect(bad.status).toBe(400);
  });
});
