import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MetricSeries } from '../../../shared/contract/metric-history';
import type { RunDetail } from '../../../shared/contract/runs';
import { type TestApp, buildTestApp } from '../../testing/build-test-app';
import { seedExperiment, seedHistory, seedRuns } from '../../testing/bulk-runs-seed';

let t: TestApp;
let viewer: Record<string, string>;
let experimentId: number;
let runIds: string[];

beforeAll(async () => {
  t = await buildTestApp();
  viewer = (await t.userWithRole('viewer')).headers;
  const db = t.database.handle.db;
  experimentId = await seedExperiment(db, 'churn');
  await seedExperiment(db, 'empty one');
  runIds = await seedRuns(db, experimentId, [
    { runName: 'parent', params: { model: 'gbm' }, metrics: { rmse: 0.5 }, tags: { 'mlflow.source.name': 'train.py', 'mlflow.note.content': '# Notes' } },
    { runName: 'child', params: { model: 'gbm', depth: '3' }, metrics: { rmse: Number.NaN, acc: 0.9 } },
  ]);
  await db.insertInto('run_tags').values({ run_uuid: runIds[1]!, key: 'mlflow.parentRunId', value: runIds[0]! }).execute();
  await seedHistory(db, runIds[0]!, 'loss', Array.from({ length: 5000 }, (_, i) => (i === 3210 ? 99 : i === 4000 ? Number.NaN : 1 / (i + 1))));
});
afterAll(() => t.close());

describe('experiments', () => {
  it('lists experiments with run counts and last activity, filtered by name', async () => {
    const res = await t.request<{ items: Array<{ name: string; runCount: number; lastRunTime: string | null }> }>({ url: '/api/v1/experiments?q=CHU', headers: viewer });
    expect(res.status).toBe(200);
    expect(res.body.items).toEqual([expect.objectContaining({ name: 'churn', runCount: 2, lastRunTime: expect.any(String) })]);
    const all = await t.request<{ items: Array<{ name: string; runCount: number }> }>({ url: '/api/v1/experiments', headers: viewer });
    expect(all.body.items.map((e) => e.name)).toEqual(expect.arrayContaining(['churn', 'empty one', 'Default']));
  });

  it('answers keys for autocomplete and 404 for an unknown experiment', async () => {
    const keys = await t.request({ url: `/api/v1/experiments/${experimentId}/keys`, headers: viewer });
    expect(keys.body).toMatchObject({ metrics: ['acc', 'rmse'], params: ['depth', 'model'] });
    expect((await t.request({ url: '/api/v1/experiments/999999', headers: viewer })).status).toBe(404);
  });

  it('needs a signed-in reader', async () => {
    expect((await t.request({ url: '/api/v1/experiments' })).status).toBe(401);
  });
});

describe('run detail', () => {
  it('shows the run with its family, NaN spelled out and the description', async () => {
    const parent = await t.request<RunDetail>({ url: `/api/v1/runs/${runIds[0]}`, headers: viewer });
    expect(parent.body).toMatchObject({ experimentName: 'churn', description: '# Notes', children: [{ runId: runIds[1], runName: 'child' }] });
    expect(parent.body.run.source).toBe('train.py');
    const child = await t.request<RunDetail>({ url: `/api/v1/runs/${runIds[1]}`, headers: viewer });
    expect(child.body.parent).toEqual({ runId: runIds[0], runName: 'parent' });
    expect(child.body.metrics.find((m) => m.key === 'rmse')?.value).toBe('NaN');
  });

  it('answers 404 for an unknown run and 400 for a malformed id', async () => {
    expect((await t.request({ url: '/api/v1/runs/feedbeef', headers: viewer })).status).toBe(404);
    expect((await t.request({ url: '/api/v1/runs/bad%20id', headers: viewer })).status).toBe(400);
  });
});

describe('metric histories', () => {
  const histories = (body: object) => t.request<{ series: MetricSeries[] }>({ method: 'POST', url: '/api/v1/runs/metric-histories', headers: viewer, payload: body });

  it('downsamples a long history keeping the spike and the NaN gap, reporting the raw count', async () => {
    const res = await histories({ runIds: [runIds[0]], metrics: ['loss'], maxPoints: 200 });
    expect(res.status).toBe(200);
    const [series] = res.body.series;
    expect(series).toMatchObject({ key: 'loss', rawCount: 5000, nonFiniteCount: 1, downsampled: true });
    expect(series!.xs.length).toBeLessThanOrEqual(201);
    expect(series!.ys).toHaveLength(series!.xs.length);
    expect(Math.max(...series!.ys.map((y) => y ?? 0))).toBe(99);
    expect(series!.ys.some((y) => y === null)).toBe(true);
  });

  it('reads short series raw, by relative time', async () => {
    const res = await histories({ runIds: [runIds[1], runIds[0]], metrics: ['acc', 'rmse'], xAxis: 'relative' });
    expect(res.body.series.map((s) => [s.runId, s.key])).toEqual([[runIds[1], 'acc'], [runIds[1], 'rmse'], [runIds[0], 'rmse']]);
    expect(res.body.series[0]).toMatchObject({ downsampled: false, xs: [0], ys: [0.9] });
    expect(res.body.series[1]).toMatchObject({ xs: [0], ys: [null] });
  });

  it('charts the metrics the runs logged, in name order, when none are named', async () => {
    const res = await histories({ runIds: [runIds[1], runIds[0]] });
    expect(res.body.series.map((s) => [s.runId, s.key])).toEqual([[runIds[1], 'acc'], [runIds[1], 'rmse'], [runIds[0], 'rmse']]);
  });

  it('refuses more than 100 runs', async () => {
    const res = await histories({ runIds: Array.from({ length: 101 }, (_, i) => `r${i}`), metrics: ['loss'] });
    expect(res.status).toBe(400);
  });
});
