import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../testing/build-test-app';
import { type LooseJson, mlflowCall } from '../../testing/mlflow-call';

let t: TestApp;
let writer: Record<string, string>;
let viewer: Record<string, string>;

beforeAll(async () => {
  t = await buildTestApp();
  writer = (await t.userWithRole('data-scientist')).headers;
  viewer = (await t.userWithRole('viewer')).headers;
});
afterAll(() => t.close());

const call = (method: 'GET' | 'POST', path: string, fields?: Record<string, unknown>, headers = writer) => mlflowCall(t, headers, method, `/ajax-api/2.0/mlflow/${path}`, fields);
const dataset = (name: string, digest: string) => ({ name, digest, source_type: 'local', source: '{}' });

describe('MLflow UI reads', () => {
  it('experiments/search-datasets summarises the datasets runs used, with their context', async () => {
    const experimentId = (await call('POST', 'experiments/create', { name: 'datasets' })).body.experiment_id;
    for (const [context, name] of [['training', 'wine'], ['eval', 'wine'], ['training', 'iris']] as const) {
      const runId = (await call('POST', 'runs/create', { experiment_id: experimentId })).body.run.info.run_id;
      await call('POST', 'runs/log-inputs', { run_id: runId, datasets: [{ dataset: dataset(name, 'd1'), tags: [{ key: 'mlflow.data.context', value: context }] }] });
    }
    const found = await call('POST', 'experiments/search-datasets', { experiment_ids: [experimentId, '424242'] }, viewer);
    expect(found.body.dataset_summaries).toEqual([
      { experiment_id: experimentId, name: 'iris', digest: 'd1', context: 'training' },
      { experiment_id: experimentId, name: 'wine', digest: 'd1', context: 'eval' },
      { experiment_id: experimentId, name: 'wine', digest: 'd1', context: 'training' },
    ]);
    expect((await call('POST', 'experiments/search-datasets', { experiment_ids: [] }, viewer)).status).toBe(400);
    expect((await call('POST', 'experiments/search-datasets', { experiment_ids: Array.from({ length: 21 }, (_, i) => String(i)) }, viewer)).status).toBe(400);
  });

  it('metrics/get-history-bulk returns several runs’ histories with their run ids', async () => {
    const experimentId = (await call('POST', 'experiments/create', { name: 'bulk' })).body.experiment_id;
    const runs: string[] = [];
    for (let r = 0; r < 2; r++) {
      const runId = (await call('POST', 'runs/create', { experiment_id: experimentId })).body.run.info.run_id;
      runs.push(runId);
      await call('POST', 'runs/log-batch', { run_id: runId, metrics: [0, 1, 2].map((step) => ({ key: 'loss', value: step + r, timestamp: 10, step })) });
    }
    const bulk = await call('GET', 'metrics/get-history-bulk', { run_id: runs, metric_key: 'loss' }, viewer);
    expect(bulk.body.metrics).toHaveLength(6);
    for (const runId of runs) expect(bulk.body.metrics.filter((m: LooseJson) => m.run_id === runId).map((m: LooseJson) => m.step)).toEqual([0, 1, 2]);
    expect((await call('GET', 'metrics/get-history-bulk', { run_id: runs, metric_key: 'loss', max_results: 2 }, viewer)).body.metrics).toHaveLength(2);
    expect((await call('GET', 'metrics/get-history-bulk', { metric_key: 'loss' }, viewer)).status).toBe(400);
    expect((await call('GET', 'metrics/get-history-bulk', { run_id: runs, metric_key: 'loss', max_results: 25001 }, viewer)).status).toBe(400);
    expect((await call('GET', 'metrics/get-history-bulk', { run_id: ['../x'], metric_key: 'loss' }, viewer)).status).toBe(400);
  });
});
