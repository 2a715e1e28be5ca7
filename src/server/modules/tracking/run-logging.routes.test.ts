import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../testing/build-test-app';
import { type LooseJson, mlflowCall } from '../../testing/mlflow-call';

let t: TestApp;
let writer: Record<string, string>;
let viewer: Record<string, string>;
let experimentId: string;

beforeAll(async () => {
  t = await buildTestApp();
  writer = (await t.userWithRole('data-scientist', 'dana')).headers;
  viewer = (await t.userWithRole('viewer')).headers;
  experimentId = (await mlflowCall(t, writer, 'POST', 'experiments/create', { name: 'logging' })).body.experiment_id;
});
afterAll(() => t.close());

const call = (method: 'GET' | 'POST', path: string, fields?: Record<string, unknown>, headers = writer) => mlflowCall(t, headers, method, path, fields);
const newRun = async () => (await call('POST', 'runs/create', { experiment_id: experimentId })).body.run.info.run_id as string;
const getRun = async (runId: string) => (await call('GET', 'runs/get', { run_id: runId }, viewer)).body.run;
const auditActions = async (runId: string) =>
  (await t.database.handle.db.selectFrom('audit_events').select('action').where('entity_id', '=', runId).orderBy('seq').execute()).map((row) => row.action);
const metric = (key: string, value: unknown, step: number, timestamp = 1000) => ({ key, value, step, timestamp });

describe('params', () => {
  it('are write-once: the same value again is fine, another value is refused', async () => {
    const runId = await newRun();
    expect((await call('POST', 'runs/log-parameter', { run_id: runId, run_uuid: runId, key: 'alpha', value: '0.5' })).status).toBe(200);
    expect((await call('POST', 'runs/log-parameter', { run_id: runId, key: 'alpha', value: '0.5' })).status).toBe(200);
    const changed = await call('POST', 'runs/log-parameter', { run_id: runId, key: 'alpha', value: '0.7' });
    expect(changed).toMatchObject({ status: 400, body: { error_code: 'INVALID_PARAMETER_VALUE', message: expect.stringContaining('Changing param values is not allowed') } });
    await call('POST', 'runs/log-parameter', { run_id: runId, key: 'long', value: 'p'.repeat(7000) });
    const params = Object.fromEntries((await getRun(runId)).data.params.map((p: LooseJson) => [p.key, p.value]));
    expect(params).toEqual({ alpha: '0.5', long: 'p'.repeat(6000) });
    expect(await auditActions(runId)).toEqual(['run.create', 'run.log-param', 'run.log-param']);
    expect((await call('POST', 'runs/log-parameter', { run_id: runId, key: 'k'.repeat(251), value: '1' })).status).toBe(400);
    expect((await call('POST', 'runs/log-parameter', { run_id: runId, value: '1' })).status).toBe(400);
    expect((await call('POST', 'runs/log-parameter', { run_id: runId, key: 'v', value: '1' }, viewer)).status).toBe(403);
  });
});

describe('metrics', () => {
  it('keep the latest value per key by step, then timestamp, then value', async () => {
    const runId = await newRun();
    const log = (m: Record<string, unknown>) => call('POST', 'runs/log-metric', { run_id: runId, run_uuid: runId, ...m });
    expect((await log(metric('loss', 0.9, 0, 100))).status).toBe(200);
    await log(metric('loss', 0.5, 2, 50)); // higher step wins even with an older timestamp
    await log(metric('loss', 0.7, 1, 900));
    await log(metric('acc', 0.1, 3, 100));
    await log(metric('acc', 0.2, 3, 200)); // same step, later timestamp
    await log(metric('acc', 0.3, 3, 200)); // same step and timestamp, larger value
    await log(metric('acc', 0.25, 3, 200));
    const latest = Object.fromEntries((await getRun(runId)).data.metrics.map((m: LooseJson) => [m.key, [m.value, m.step, m.timestamp]]));
    expect(latest).toEqual({ loss: [0.5, 2, 50], acc: [0.3, 3, 200] });
    // Metric values are telemetry: not audited.
    expect(await auditActions(runId)).toEqual(['run.create']);
  });

  it('encode NaN and ±Infinity as strings and accept them as strings', async () => {
    const runId = await newRun();
    await call('POST', 'runs/log-metric', { run_id: runId, ...metric('nan', 'NaN', 0) });
    await call('POST', 'runs/log-metric', { run_id: runId, ...metric('inf', 'Infinity', 0) });
    await call('POST', 'runs/log-metric', { run_id: runId, ...metric('ninf', '-Infinity', 0) });
    const latest = Object.fromEntries((await getRun(runId)).data.metrics.map((m: LooseJson) => [m.key, m.value]));
    expect(latest).toEqual({ nan: 'NaN', inf: 'Infinity', ninf: '-Infinity' });
    const history = await call('GET', 'metrics/get-history', { run_id: runId, metric_key: 'nan' }, viewer);
    expect(history.body.metrics).toEqual([{ key: 'nan', value: 'NaN', timestamp: 1000, step: 0, run_id: runId }]);
  });

  it('refuse wrong types, missing fields and bad keys', async () => {
    const runId = await newRun();
    const bad = [
      { key: 'm', value: 1 },
      { key: 'm', timestamp: 1 },
      { key: 'm', value: true, timestamp: 1 },
      { key: 'm', value: 'high', timestamp: 1 },
      { key: 'm', value: 1, timestamp: -5 },
      { key: 'm', value: 1, timestamp: 1, step: 1.5 },
      { key: 'a/../b', value: 1, timestamp: 1 },
      { key: 'x'.repeat(251), value: 1, timestamp: 1 },
      { value: 1, timestamp: 1 },
    ];
    for (const body of bad) {
      const refused = await call('POST', 'runs/log-metric', { run_id: runId, ...body });
      expect(refused, JSON.stringify(body)).toMatchObject({ status: 400, body: { error_code: 'INVALID_PARAMETER_VALUE' } });
    }
    expect((await call('POST', 'runs/log-metric', { run_id: 'e'.repeat(32), ...metric('m', 1, 0) })).status).toBe(404);
    // int64 as strings, as protobuf JSON allows.
    expect((await call('POST', 'runs/log-metric', { run_id: runId, key: 'm', value: '1.5', timestamp: '1732700000000', step: '3' })).status).toBe(200);
  });

  it('serve history in order, paged, and ignore exact duplicates', async () => {
    const runId = await newRun();
    const metrics = Array.from({ length: 25 }, (_, step) => metric('loss', 1 / (step + 1), step, 1000 + step));
    await call('POST', 'runs/log-batch', { run_id: runId, metrics });
    await call('POST', 'runs/log-batch', { run_id: runId, metrics: metrics.slice(0, 5) });
    const all = await call('GET', 'metrics/get-history', { run_id: runId, metric_key: 'loss' }, viewer);
    expect(all.body.metrics.map((m: LooseJson) => m.step)).toEqual(Array.from({ length: 25 }, (_, i) => i));
    expect(all.body).not.toHaveProperty('next_page_token');

    const steps: number[] = [];
    let token: string | undefined;
    let pages = 0;
    do {
      const page = await call('GET', 'metrics/get-history', { run_id: runId, metric_key: 'loss', max_results: 10, page_token: token }, viewer);
      steps.push(...page.body.metrics.map((m: LooseJson) => m.step));
      token = page.body.next_page_token;
      pages++;
    } while (token);
    expect(steps).toEqual(Array.from({ length: 25 }, (_, i) => i));
    expect(pages).toBe(3);

    expect((await call('GET', 'metrics/get-history', { run_id: runId, metric_key: 'absent' }, viewer)).body).toEqual({});
    expect((await call('GET', 'metrics/get-history', { run_id: runId }, viewer)).status).toBe(400);
    expect((await call('GET', 'metrics/get-history', { run_id: runId, metric_key: 'loss', page_token: 'bm9wZQ==' }, viewer)).status).toBe(400);
    expect((await call('GET', 'metrics/get-history', { run_id: runId, metric_key: 'loss', max_results: 0 }, viewer)).status).toBe(400);
    expect((await call('GET', 'metrics/get-history', { run_id: 'f'.repeat(32), metric_key: 'loss' }, viewer)).status).toBe(404);
    // A token from another metric's history is refused.
    const other = await call('GET', 'metrics/get-history', { run_id: runId, metric_key: 'loss', max_results: 1 }, viewer);
    expect((await call('GET', 'metrics/get-history', { run_id: runId, metric_key: 'acc', page_token: other.body.next_page_token }, viewer)).status).toBe(400);
  });
});

describe('log-batch', () => {
  it('writes metrics, params and tags in one call, audited for its params and tags', async () => {
    const runId = await newRun();
    const logged = await call('POST', 'runs/log-batch', {
      run_id: runId,
      metrics: [metric('rmse', 0.4, 1), { ...metric('rmse', 0.3, 2), model_id: 'm-1', dataset_name: 'wine', dataset_digest: 'abc' }],
      params: [{ key: 'alpha', value: '0.5' }],
      tags: [{ key: 'team', value: 'a' }, { key: 'team', value: 'b' }],
    });
    expect(logged).toMatchObject({ status: 200, body: {} });
    const run = await getRun(runId);
    expect(run.data.metrics).toEqual([{ key: 'rmse', value: 0.3, step: 2, timestamp: 1000 }]);
    expect(run.data.params).toEqual([{ key: 'alpha', value: '0.5' }]);
    expect(run.data.tags).toContainEqual({ key: 'team', value: 'b' });
    const history = await call('GET', 'metrics/get-history', { run_id: runId, metric_key: 'rmse' }, viewer);
    expect(history.body.metrics[1]).toEqual({ key: 'rmse', value: 0.3, step: 2, timestamp: 1000, model_id: 'm-1', dataset_name: 'wine', dataset_digest: 'abc', run_id: runId });
    // Exact repeats within one batch are one value; another value at the same step is another.
    const repeats = [metric('rmse', 0.2, 3), metric('rmse', 0.1, 3), metric('rmse', 0.2, 3)];
    expect((await call('POST', 'runs/log-batch', { run_id: runId, metrics: repeats })).status).toBe(200);
    expect((await call('GET', 'metrics/get-history', { run_id: runId, metric_key: 'rmse' }, viewer)).body.metrics).toHaveLength(4);
    expect((await call('POST', 'runs/log-batch', { run_id: runId })).status).toBe(200);
    expect(await auditActions(runId)).toEqual(['run.create', 'run.log-batch']);
  });

  it('enforces MLflow’s batch limits and refuses duplicate or changed params', async () => {
    const runId = await newRun();
    const many = (n: number, make: (i: number) => unknown) => Array.from({ length: n }, (_, i) => make(i));
    const limits: Array<[string, Record<string, unknown>]> = [
      ['1001 metrics', { metrics: many(1001, (i) => metric('m', i, i)) }],
      ['101 params', { params: many(101, (i) => ({ key: `p${i}`, value: '1' })) }],
      ['101 tags', { tags: many(101, (i) => ({ key: `t${i}`, value: '1' })) }],
      ['1001 in total', { metrics: many(950, (i) => metric('m', i, i)), params: many(30, (i) => ({ key: `p${i}`, value: '1' })), tags: many(30, (i) => ({ key: `t${i}`, value: '1' })) }],
      ['duplicate params', { params: [{ key: 'p', value: '1' }, { key: 'p', value: '1' }] }],
      ['metrics not a list of metrics', { metrics: [{ key: 'm' }] }],
      ['params of the wrong type', { params: 'alpha=1' }],
    ];
    for (const [what, body] of limits) {
      expect(await call('POST', 'runs/log-batch', { run_id: runId, ...body }), what).toMatchObject({ status: 400, body: { error_code: 'INVALID_PARAMETER_VALUE' } });
    }
    // A refused batch writes nothing (one transaction).
    await call('POST', 'runs/log-parameter', { run_id: runId, key: 'fixed', value: '1' });
    const partial = await call('POST', 'runs/log-batch', { run_id: runId, metrics: [metric('m', 1, 0)], params: [{ key: 'fixed', value: '2' }] });
    expect(partial.status).toBe(400);
    expect((await getRun(runId)).data).not.toHaveProperty('metrics');
    expect((await call('POST', 'runs/log-batch', { run_id: runId, metrics: many(1000, (i) => metric('m', i, i)) })).status).toBe(200);
    expect((await getRun(runId)).data.metrics).toEqual([{ key: 'm', value: 999, step: 999, timestamp: 1000 }]);
  });
});

describe('inputs, outputs and logged models', () => {
  const dataset = { name: 'wine', digest: '1a2b3c4d', source_type: 'http', source: '{"url": "https://example.com/wine.csv"}', schema: '{"mlflow_colspec": []}', profile: '{"num_rows": 178}' };

  it('log-inputs records datasets with input tags once per run', async () => {
    const runId = await newRun();
    const input = { tags: [{ key: 'mlflow.data.context', value: 'training' }], dataset };
    expect((await call('POST', 'runs/log-inputs', { run_id: runId, datasets: [input] })).status).toBe(200);
    expect((await call('POST', 'runs/log-inputs', { run_id: runId, datasets: [input] })).status).toBe(200);
    const run = await getRun(runId);
    expect(run.inputs).toEqual({ dataset_inputs: [{ tags: [{ key: 'mlflow.data.context', value: 'training' }], dataset }] });
    // A second run in the experiment shares the dataset row.
    const other = await newRun();
    await call('POST', 'runs/log-inputs', { run_id: other, datasets: [{ dataset: { ...dataset, schema: undefined, profile: undefined } }] });
    expect((await getRun(other)).inputs.dataset_inputs[0].dataset).toEqual(dataset);
    expect(await auditActions(runId)).toEqual(['run.create', 'run.log-inputs']);

    const bad: Array<Record<string, unknown>> = [
      { datasets: [{ dataset: { ...dataset, digest: 'd'.repeat(37) } }] },
      { datasets: [{ dataset: { ...dataset, name: '' } }] },
      { datasets: [{ dataset: { name: 'x', digest: 'y' } }] },
      { datasets: [{ dataset, tags: [{ key: 'k', value: 'v'.repeat(501) }] }] },
      { datasets: 'wine' },
    ];
    for (const body of bad) expect((await call('POST', 'runs/log-inputs', { run_id: runId, ...body })).status, JSON.stringify(body).slice(0, 80)).toBe(400);
    expect((await call('POST', 'runs/log-inputs', { run_id: runId, models: [{ model_id: 'm-unknown' }] })).status).toBe(404);
  });

  it('links logged models as inputs and outputs', async () => {
    const runId = await newRun();
    const model = await call('POST', 'logged-models', { experiment_id: experimentId, name: 'model', source_run_id: runId });
    const modelId = model.body.model.info.model_id;
    expect((await call('POST', 'runs/outputs', { run_id: runId, models: [{ model_id: modelId, step: 0 }] })).status).toBe(200);
    expect((await call('POST', 'runs/log-inputs', { run_id: runId, models: [{ model_id: modelId }] })).status).toBe(200);
    const run = await getRun(runId);
    expect(run.outputs).toEqual({ model_outputs: [{ model_id: modelId, step: 0 }] });
    expect(run.inputs).toEqual({ model_inputs: [{ model_id: modelId }] });
    expect((await call('POST', 'runs/outputs', { run_id: runId, models: [{ model_id: 'm-nope' }] })).status).toBe(404);
    expect((await call('POST', 'runs/outputs', { run_id: runId })).status).toBe(400);
  });

  it('log-model appends to the mlflow.log-model.history tag (MLflow 2)', async () => {
    const runId = await newRun();
    const model = { run_id: runId, artifact_path: 'model', utc_time_created: '2026-11-28 04:00:00.000000', flavors: { sklearn: {} }, model_uuid: 'abc' };
    expect((await call('POST', 'runs/log-model', { run_id: runId, model_json: JSON.stringify(model) })).status).toBe(200);
    expect((await call('POST', 'runs/log-model', { run_id: runId, model_json: JSON.stringify({ ...model, artifact_path: 'model2' }) })).status).toBe(200);
    const tag = (await getRun(runId)).data.tags.find((tag: LooseJson) => tag.key === 'mlflow.log-model.history');
    expect(JSON.parse(tag.value).map((m: LooseJson) => m.artifact_path)).toEqual(['model', 'model2']);
    expect((await call('POST', 'runs/log-model', { run_id: runId, model_json: '{"artifact_path": "x"}' })).status).toBe(400);
    expect((await call('POST', 'runs/log-model', { run_id: runId, model_json: 'not json' })).status).toBe(400);
  });
});

describe('concurrent writers', () => {
  it('keep the latest metric and let exactly one value of a param win', async () => {
    const runId = await newRun();
    const batches = Array.from({ length: 8 }, (_, writer) => call('POST', 'runs/log-batch', { run_id: runId, metrics: [metric('loss', writer, writer * 10)] }));
    const params = Array.from({ length: 8 }, (_, writer) => call('POST', 'runs/log-parameter', { run_id: runId, key: 'seed', value: String(writer) }));
    const answers = await Promise.all([...batches, ...params]);
    expect(answers.slice(0, 8).map((a) => a.status)).toEqual(Array(8).fill(200));
    const paramStatuses = answers.slice(8).map((a) => a.status);
    expect(paramStatuses.filter((s) => s === 200)).toHaveLength(1);
    expect(paramStatuses.filter((s) => s === 400)).toHaveLength(7);
    const run = await getRun(runId);
    expect(run.data.metrics).toEqual([{ key: 'loss', value: 7, step: 70, timestamp: 1000 }]);
    expect(run.data.params).toEqual([{ key: 'seed', value: String(paramStatuses.indexOf(200)) }]);
  });
});
