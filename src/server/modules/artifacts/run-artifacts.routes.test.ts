import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../testing/build-test-app';
import { insertExperiment, insertRun } from '../../testing/mlflow-fixtures';

let t: TestApp;
let writer: Record<string, string>;
let viewer: Record<string, string>;
let run: { runId: string; artifactUri: string };
let experimentId: string;

beforeAll(async () => {
  t = await buildTestApp();
  writer = (await t.userWithRole('data-scientist')).headers;
  viewer = (await t.userWithRole('viewer')).headers;
  experimentId = await insertExperiment(t.database.handle.db);
  run = await insertRun(t.database.handle.db, experimentId);
  for (const file of ['model/MLmodel', 'model/model.pkl', 'metrics.csv', 'plots/a.png']) {
    await t.request({ method: 'PUT', url: `/api/2.0/mlflow-artifacts/artifacts/${experimentId}/${run.runId}/artifacts/${file}`, headers: writer, payload: file });
  }
});
afterAll(() => t.close());

describe('artifacts/list', () => {
  it('lists a run’s artifacts relative to its root, under both prefixes', async () => {
    const root = await t.request({ method: 'GET', url: `/api/2.0/mlflow/artifacts/list?run_id=${run.runId}`, headers: viewer });
    expect(root.body).toEqual({
      root_uri: run.artifactUri,
      files: [
        { path: 'metrics.csv', is_dir: false, file_size: 11 },
        { path: 'model', is_dir: true },
        { path: 'plots', is_dir: true },
      ],
    });
    const model = await t.request({ method: 'GET', url: `/ajax-api/2.0/mlflow/artifacts/list?run_uuid=${run.runId}&path=model`, headers: viewer });
    expect(model.body).toEqual({
      root_uri: run.artifactUri,
      files: [
        { path: 'model/MLmodel', is_dir: false, file_size: 13 },
        { path: 'model/model.pkl', is_dir: false, file_size: 15 },
      ],
    });
  });

  it('answers unknown runs, bad paths and missing ids with MLflow errors', async () => {
    const missing = await t.request({ method: 'GET', url: '/api/2.0/mlflow/artifacts/list?run_id=0123456789abcdef0123456789abcdef', headers: viewer });
    expect(missing.status).toBe(404);
    expect(missing.body).toMatchObject({ error_code: 'RESOURCE_DOES_NOT_EXIST' });
    const traversal = await t.request({ method: 'GET', url: `/api/2.0/mlflow/artifacts/list?run_id=${run.runId}&path=../../..`, headers: viewer });
    expect(traversal.status).toBe(400);
    expect((await t.request({ method: 'GET', url: '/api/2.0/mlflow/artifacts/list?path=x', headers: viewer })).status).toBe(400);
    expect((await t.request({ method: 'GET', url: `/api/2.0/mlflow/artifacts/list?run_id=${run.runId}`, headers: {} })).status).toBe(401);
  });
});

describe('UI artifact routes', () => {
  it('downloads a run artifact as an attachment', async () => {
    const response = await t.app.inject({ method: 'GET', url: `/get-artifact?run_uuid=${run.runId}&path=model/MLmodel`, headers: viewer });
    expect(response.statusCode).toBe(200);
    expect(response.body).toBe('model/MLmodel');
    expect(response.headers['content-disposition']).toMatch(/^attachment; filename="MLmodel"/);
    expect(response.headers['content-type']).toBe('text/plain; charset=utf-8');
    expect((await t.request({ method: 'GET', url: `/get-artifact?run_uuid=${run.runId}&path=..%2F..%2Fx`, headers: viewer })).status).toBe(400);
  });

  it('uploads through the UI endpoint up to 10 MB', async () => {
    const url = `/ajax-api/2.0/mlflow/upload-artifact?run_uuid=${run.runId}&path=notes/readme.md`;
    expect((await t.request({ method: 'POST', url, headers: { ...writer, 'content-type': 'text/markdown' }, payload: '# hi' })).status).toBe(200);
    expect((await t.app.inject({ method: 'GET', url: `/get-artifact?run_id=${run.runId}&path=notes/readme.md`, headers: viewer })).body).toBe('# hi');
    const big = await t.request({ method: 'POST', url, headers: { ...writer, 'content-type': 'application/octet-stream' }, payload: Buffer.alloc(10 * 1024 * 1024 + 1) });
    expect(big.status).toBe(413);
    expect((await t.request({ method: 'POST', url, headers: { ...viewer, 'content-type': 'text/plain' }, payload: 'x' })).status).toBe(403);
  });
});
