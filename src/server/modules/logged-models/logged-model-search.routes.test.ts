import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../testing/build-test-app';
import { type LooseJson, mlflowCall } from '../../testing/mlflow-call';
import { insertExperiment, insertMetric, insertRun } from '../../testing/mlflow-fixtures';

let t: TestApp;
let writer: Record<string, string>;
let experimentId: string;
let otherExperimentId: string;
const ids: Record<string, string> = {};

const call = (path: string, fields: Record<string, unknown>) => mlflowCall(t, writer, 'POST', path, fields);
const search = async (fields: Record<string, unknown> = {}) => {
  const response = await call('logged-models/search', { experiment_ids: [experimentId], ...fields });
  return { ...response, names: (response.body.models ?? []).map((m: LooseJson) => m.info.name) as string[] };
};

beforeAll(async () => {
  t = await buildTestApp();
  writer = (await t.userWithRole('data-scientist')).headers;
  const db = t.database.handle.db;
  experimentId = await insertExperiment(db);
  otherExperimentId = await insertExperiment(db);
  const run = await insertRun(db, experimentId);
  const specs = [
    { name: 'lr', type: 'sklearn', params: { C: '1.0' }, tags: { team: 'a' }, acc: [0.8, 0.85], dataset: 'train' },
    { name: 'gbm', type: 'xgboost', params: { depth: '6' }, tags: { team: 'b' }, acc: [0.9], dataset: 'test' },
    { name: 'rf', type: 'sklearn', params: { depth: '8' }, tags: {}, acc: [], dataset: 'train' },
  ];
  for (const spec of specs) {
    const created = await call('logged-models', {
      experiment_id: experimentId,
      name: spec.name,
      model_type: spec.type,
      source_run_id: run.runId,
      params: Object.entries(spec.params).map(([key, value]) => ({ key, value })),
      tags: Object.entries(spec.tags).map(([key, value]) => ({ key, value })),
    });
    ids[spec.name] = created.body.model.info.model_id;
    for (const [step, value] of spec.acc.entries()) {
      await insertMetric(db, { runId: run.runId, modelId: ids[spec.name] as string, key: 'accuracy', value, step, timestamp: 1000 + step, datasetName: spec.dataset, datasetDigest: 'd1' });
    }
  }
  await mlflowCall(t, writer, 'PATCH', `logged-models/${ids.gbm}`, { status: 'LOGGED_MODEL_READY' });
  await call('logged-models', { experiment_id: otherExperimentId, name: 'elsewhere' });
});
afterAll(() => t.close());

describe('logged-models/search', () => {
  it('lists the models of the requested experiments, newest first', async () => {
    expect((await search()).names).toEqual(['rf', 'gbm', 'lr']);
    const both = await call('logged-models/search', { experiment_ids: [experimentId, otherExperimentId] });
    expect(both.body.models).toHaveLength(4);
  });

  it('filters on metrics, params, tags and attributes', async () => {
    expect((await search({ filter: 'metrics.accuracy > 0.84' })).names.sort()).toEqual(['gbm', 'lr']);
    expect((await search({ filter: "params.depth = '6'" })).names).toEqual(['gbm']);
    expect((await search({ filter: "tags.team != 'a'" })).names).toEqual(['gbm']);
    expect((await search({ filter: "model_type = 'sklearn' and name LIKE 'r%'" })).names).toEqual(['rf']);
    expect((await search({ filter: "status = 'READY'" })).names).toEqual(['gbm']);
    expect((await search({ filter: "attributes.status IN ('LOGGED_MODEL_PENDING')" })).names).toEqual(['rf', 'lr']);
    expect((await search({ filter: `model_id = '${ids.lr}'` })).names).toEqual(['lr']);
    expect((await search({ filter: 'creation_timestamp > 0' })).names).toHaveLength(3);
  });

  it('scopes metric filters and presence to datasets', async () => {
    expect((await search({ filter: 'metrics.accuracy > 0.5', datasets: [{ dataset_name: 'test' }] })).names).toEqual(['gbm']);
    expect((await search({ datasets: [{ dataset_name: 'train', dataset_digest: 'd1' }] })).names).toEqual(['lr']);
    expect((await search({ datasets: [{ dataset_name: 'train', dataset_digest: 'other' }] })).names).toEqual([]);
  });

  it('orders by a metric’s latest value (missing last) or an attribute, and pages', async () => {
    expect((await search({ order_by: [{ field_name: 'metrics.accuracy', ascending: false }] })).names).toEqual(['gbm', 'lr', 'rf']);
    expect((await search({ order_by: [{ field_name: 'metrics.accuracy', ascending: true }] })).names).toEqual(['lr', 'gbm', 'rf']);
    expect((await search({ order_by: [{ field_name: 'metrics.accuracy', ascending: false, dataset_name: 'train' }] })).names).toEqual(['lr', 'rf', 'gbm']);
    expect((await search({ order_by: [{ field_name: 'name', ascending: true }] })).names).toEqual(['gbm', 'lr', 'rf']);
    const first = await search({ max_results: 2, order_by: [{ field_name: 'name' }] });
    expect(first.names).toEqual(['gbm', 'lr']);
    const second = await search({ max_results: 2, order_by: [{ field_name: 'name' }], page_token: first.body.next_page_token });
    expect(second.names).toEqual(['rf']);
    expect(second.body.next_page_token).toBeUndefined();
    // A token belongs to its query.
    expect((await search({ max_results: 2, filter: "name = 'x'", page_token: first.body.next_page_token })).status).toBe(400);
  });

  it('refuses bad filters, orderings and requests with INVALID_PARAMETER_VALUE', async () => {
    expect((await call('logged-models/search', {})).status).toBe(400);
    expect((await call('logged-models/search', { experiment_ids: [] })).status).toBe(400);
    for (const fields of [
      { filter: 'metrics.accuracy > 0.5 or true' },
      { filter: "datasets.name = 'x'" },
      { order_by: [{ field_name: 'params.depth' }] },
      { order_by: [{ field_name: 'bogus' }] },
      { datasets: [{ dataset_digest: 'd1' }] },
      { max_results: 0 },
      { page_token: 'garbage' },
    ]) {
      const response = await search(fields);
      expect(response.status, JSON.stringify(fields)).toBe(400);
      expect(response.body.error_code).toBe('INVALID_PARAMETER_VALUE');
    }
  });
});
