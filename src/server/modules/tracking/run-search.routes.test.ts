import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../testing/build-test-app';
import { type LooseJson, mlflowCall } from '../../testing/mlflow-call';
import { insertExperiment } from '../../testing/mlflow-fixtures';
import { seedRun } from '../../testing/tracking-seed';
import { countRuns } from './run-search.service';

let t: TestApp;
let viewer: Record<string, string>;
let experimentId: string;
let otherExperimentId: string;
const ids: Record<string, string> = {};

const search = async (fields: Record<string, unknown> = {}) => {
  const response = await mlflowCall(t, viewer, 'POST', 'runs/search', { experiment_ids: [experimentId], ...fields });
  const names = ((response.body.runs ?? []) as LooseJson[]).map((run) => run.info.run_name as string);
  return { ...response, names };
};
const names = async (filter: string, extra: Record<string, unknown> = {}) => (await search({ filter, ...extra })).names;
const sorted = async (filter: string) => (await names(filter)).sort();

beforeAll(async () => {
  t = await buildTestApp();
  viewer = (await t.userWithRole('viewer')).headers;
  const db = t.database.handle.db;
  experimentId = await insertExperiment(db);
  otherExperimentId = await insertExperiment(db);
  ids.alpha = await seedRun(db, experimentId, {
    name: 'alpha',
    user: 'ann',
    startTime: 1000,
    endTime: 1500,
    metrics: { accuracy: 0.95, loss: 0.2 },
    params: { model: 'gbm', depth: '6' },
    tags: { team: 'Vision' },
    datasets: [{ name: 'wine', digest: 'd1', context: 'training' }],
  });
  ids.beta = await seedRun(db, experimentId, { name: 'beta', status: 'FAILED', startTime: 2000, metrics: { accuracy: 0.8, loss: 0.5 }, params: { model: 'lr' }, tags: { team: 'nlp' } });
  ids.gamma = await seedRun(db, experimentId, {
    name: 'gamma',
    status: 'RUNNING',
    startTime: 3000,
    metrics: { accuracy: Number.NaN },
    params: { model: 'gbm' },
    datasets: [{ name: 'iris', digest: 'd2', context: 'eval' }],
  });
  ids.delta = await seedRun(db, experimentId, { name: 'delta', startTime: 4000, endTime: 5000, params: { model: 'GBM' } });
  ids.eps = await seedRun(db, experimentId, { name: 'eps', startTime: 5000, deleted: true, metrics: { accuracy: 0.99 }, params: { model: 'gbm' } });
  ids.other = await seedRun(db, otherExperimentId, { name: 'other', startTime: 6000, metrics: { accuracy: 0.91 } });
});
afterAll(() => t.close());

describe('runs/search filters', () => {
  it('lists active runs newest first by default', async () => {
    const response = await search();
    expect(response.status).toBe(200);
    expect(response.names).toEqual(['delta', 'gamma', 'beta', 'alpha']);
    const alpha = response.body.runs[3];
    expect(alpha.data.params).toContainEqual({ key: 'model', value: 'gbm' });
    expect(alpha.inputs.dataset_inputs[0].dataset.name).toBe('wine');
    expect(response.body.next_page_token).toBeUndefined();
  });

  it('compares metrics with every numeric operator; NaN only matches !=', async () => {
    expect(await sorted('metrics.accuracy > 0.9')).toEqual(['alpha']);
    expect(await sorted('metrics.accuracy >= 0.8')).toEqual(['alpha', 'beta']);
    expect(await sorted('metrics.accuracy < 0.9')).toEqual(['beta']);
    expect(await sorted('metrics.accuracy <= 0.95')).toEqual(['alpha', 'beta']);
    expect(await sorted('metrics.accuracy = 0.8')).toEqual(['beta']);
    expect(await sorted('metrics.accuracy != 0.8')).toEqual(['alpha', 'gamma']);
    expect(await sorted('metric.loss < 1 and metrics.accuracy > 0.5')).toEqual(['alpha', 'beta']);
    const nan = (await search({ filter: 'metrics.accuracy != 0' })).body.runs.find((run: LooseJson) => run.info.run_name === 'gamma');
    expect(nan.data.metrics).toContainEqual(expect.objectContaining({ key: 'accuracy', value: 'NaN' }));
  });

  it('compares params and tags with =, !=, LIKE (case-sensitive) and ILIKE', async () => {
    expect(await sorted("params.model = 'gbm'")).toEqual(['alpha', 'gamma']);
    expect(await sorted("params.model != 'gbm'")).toEqual(['beta', 'delta']);
    expect(await sorted("params.model LIKE 'g%'")).toEqual(['alpha', 'gamma']);
    expect(await sorted("params.model ILIKE 'g_m'")).toEqual(['alpha', 'delta', 'gamma']);
    expect(await sorted("parameter.depth = '6'")).toEqual(['alpha']);
    expect(await sorted("tags.team = 'nlp'")).toEqual(['beta']);
    expect(await sorted("tags.team LIKE 'v%'")).toEqual([]);
    expect(await sorted("tags.team ILIKE 'v%'")).toEqual(['alpha']);
    expect(await sorted("tags.`mlflow.runName` != 'alpha' and tags.team != 'x'")).toEqual(['beta']);
  });

  it('compares attributes: strings, IN / NOT IN on run ids, times', async () => {
    expect(await sorted("attributes.status = 'FAILED'")).toEqual(['beta']);
    expect(await sorted("status != 'FINISHED'")).toEqual(['beta', 'gamma']);
    expect(await sorted("run_name LIKE '%ta'")).toEqual(['beta', 'delta']);
    expect(await sorted("`run name` ILIKE 'ALPHA'")).toEqual(['alpha']);
    expect(await sorted("user_id = 'ann'")).toEqual(['alpha']);
    expect(await sorted(`artifact_uri LIKE '%${ids.beta}%'`)).toEqual(['beta']);
    expect(await sorted(`attributes.run_id IN ('${ids.alpha}', '${ids.beta}')`)).toEqual(['alpha', 'beta']);
    expect(await sorted(`run_id NOT IN ('${ids.alpha}', '${ids.beta}')`)).toEqual(['delta', 'gamma']);
    expect(await sorted(`run_id IN ('${ids.alpha?.toUpperCase()}')`)).toEqual([]);
    expect(await sorted('created >= 3000')).toEqual(['delta', 'gamma']);
    expect(await sorted('attributes.start_time < 2000')).toEqual(['alpha']);
    expect(await sorted('end_time > 1500')).toEqual(['delta']);
    expect(await sorted('end_time <= 1500')).toEqual(['alpha']);
  });

  it('compares datasets by name, digest and context, including IN and NOT IN', async () => {
    expect(await sorted("datasets.name = 'wine'")).toEqual(['alpha']);
    expect(await sorted("dataset.digest IN ('d1', 'd2')")).toEqual(['alpha', 'gamma']);
    expect(await sorted("datasets.name NOT IN ('wine')")).toEqual(['gamma']);
    expect(await sorted("datasets.context = 'eval'")).toEqual(['gamma']);
    expect(await sorted("datasets.context LIKE 'train%'")).toEqual(['alpha']);
    expect(await sorted("datasets.name ILIKE 'IRIS'")).toEqual(['gamma']);
  });

  it('honours run_view_type and several experiments', async () => {
    expect(await names('', { run_view_type: 'DELETED_ONLY' })).toEqual(['eps']);
    expect(await names('metrics.accuracy > 0.9', { run_view_type: 'ALL' })).toEqual(['eps', 'alpha']);
    expect(await names('metrics.accuracy > 0.9', { experiment_ids: [experimentId, otherExperimentId] })).toEqual(['other', 'alpha']);
    expect(await names('', { experiment_ids: [] })).toEqual([]);
  });

  it('counts what a search matches for the dashboard', async () => {
    expect(await countRuns(t.database.handle, { experimentIds: [experimentId], filter: "params.model ILIKE 'gbm'" })).toBe(3);
    expect(await countRuns(t.database.handle, { experimentIds: [experimentId], runViewType: 'ALL' })).toBe(5);
  });
});

describe('runs/search order_by', () => {
  it('sorts by a metric with missing and NaN values last in both directions', async () => {
    expect(await names('', { order_by: ['metrics.accuracy DESC'] })).toEqual(['alpha', 'beta', 'gamma', 'delta']);
    expect(await names('', { order_by: ['metrics.accuracy'] })).toEqual(['beta', 'alpha', 'gamma', 'delta']);
    expect(await names('metrics.accuracy > 0', { order_by: ['metrics.accuracy asc'] })).toEqual(['beta', 'alpha']);
  });

  it('sorts by params, tags and attributes, breaking ties by start time then run id', async () => {
    expect(await names('', { order_by: ['params.model ASC'] })).toEqual(['delta', 'gamma', 'alpha', 'beta']);
    expect(await names('', { order_by: ['tags.team DESC'] })).toEqual(['beta', 'alpha', 'delta', 'gamma']);
    expect(await names('', { order_by: ['attributes.run_name'] })).toEqual(['alpha', 'beta', 'delta', 'gamma']);
    expect(await names('', { order_by: ['start_time ASC'] })).toEqual(['alpha', 'beta', 'gamma', 'delta']);
    expect(await names('', { order_by: ['end_time DESC'] })).toEqual(['delta', 'alpha', 'gamma', 'beta']);
    expect(await names('', { order_by: ['status', 'metrics.loss DESC'] })).toEqual(['beta', 'alpha', 'delta', 'gamma']);
  });

  it('orders ties on the sort key by run id when start times are equal', async () => {
    const db = t.database.handle.db;
    const experiment = await insertExperiment(db);
    const tied = await Promise.all([1, 2, 3].map(() => seedRun(db, experiment, { startTime: 10, metrics: { m: 1 } })));
    const response = await mlflowCall(t, viewer, 'POST', 'runs/search', { experiment_ids: [experiment], order_by: ['metrics.m'] });
    expect(response.body.runs.map((run: LooseJson) => run.info.run_id)).toEqual([...tied].sort());
  });
});

describe('runs/search pages', () => {
  it('walks every run through page tokens, each once', async () => {
    const seen: string[] = [];
    let token: string | undefined;
    do {
      const page = await search({ max_results: 3, order_by: ['metrics.accuracy DESC'], run_view_type: 'ALL', ...(token && { page_token: token }) });
      expect(page.status).toBe(200);
      seen.push(...page.names);
      token = page.body.next_page_token;
    } while (token);
    expect(seen).toEqual(['eps', 'alpha', 'beta', 'gamma', 'delta']);
  });

  it('refuses bad tokens, tokens from another query and out-of-range max_results', async () => {
    const first = await search({ max_results: 1 });
    for (const page_token of ['not-base64!!', Buffer.from('{"offset":-1}').toString('base64'), Buffer.from('[]').toString('base64')]) {
      const response = await search({ page_token });
      expect(response.status).toBe(400);
      expect(response.body.error_code).toBe('INVALID_PARAMETER_VALUE');
    }
    const reused = await search({ page_token: first.body.next_page_token, filter: 'metrics.loss > 0' });
    expect(reused.status).toBe(400);
    expect(reused.body.message).toMatch(/page token/);
    for (const max_results of [0, 50_001]) expect((await search({ max_results })).body.error_code).toBe('INVALID_PARAMETER_VALUE');
    expect((await search({ max_results: 50_000 })).status).toBe(200);
  });
});

describe('runs/search bad input', () => {
  it.each([
    ['metrics.accuracy > 0.9 or params.model = "x"', /OR is not supported at position 23/],
    ['params.model > 1', /expected one of =, !=, LIKE, ILIKE/],
    ["metrics.accuracy = 'high'", /position 19/],
    ['foo.bar = 1', /Invalid entity type 'foo'/],
    ["attributes.colour = 'red'", /Invalid attribute key 'colour'/],
    ["status IN ('FINISHED')", /expected one of =, !=, LIKE, ILIKE/],
    ['metrics.accuracy IS NULL', /IS NULL comparisons are not supported/],
    ['(metrics.a > 1)', /Parentheses grouping/],
  ])('answers %s with INVALID_PARAMETER_VALUE pointing at the token', async (filter, message) => {
    const response = await search({ filter });
    expect(response.status).toBe(400);
    expect(response.body.error_code).toBe('INVALID_PARAMETER_VALUE');
    expect(response.body.message).toMatch(message);
  });

  it('refuses bad order_by clauses, view types and experiment ids', async () => {
    for (const fields of [{ order_by: ['metrics.accuracy sideways'] }, { order_by: ['attributes.colour'] }, { run_view_type: 'SOME' }, { experiment_ids: ['abc'] }]) {
      const response = await search(fields);
      expect(response.status).toBe(400);
      expect(response.body.error_code).toBe('INVALID_PARAMETER_VALUE');
    }
    expect((await search({ order_by: ['metrics.accuracy sideways'] })).body.message).toMatch(/Invalid ordering keyword 'sideways'/);
  });

  it('requires tracking read access', async () => {
    const response = await t.request({ method: 'POST', url: '/api/2.0/mlflow/runs/search', payload: { experiment_ids: [experimentId] } });
    expect(response.status).toBe(401);
  });
});
