import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../testing/build-test-app';
import { type LooseJson, mlflowCall } from '../../testing/mlflow-call';
import { insertExperiment, insertMetric, insertRun } from '../../testing/mlflow-fixtures';

let t: TestApp;
let writer: Record<string, string>;
let viewer: Record<string, string>;
let experimentId: string;
let run: { runId: string; artifactUri: string };

beforeAll(async () => {
  t = await buildTestApp();
  writer = (await t.userWithRole('data-scientist')).headers;
  viewer = (await t.userWithRole('viewer')).headers;
  experimentId = await insertExperiment(t.database.handle.db);
  run = await insertRun(t.database.handle.db, experimentId);
});
afterAll(() => t.close());

const call = (method: 'GET' | 'POST' | 'PATCH' | 'DELETE', path: string, fields?: Record<string, unknown>, headers = writer) =>
  mlflowCall(t, headers, method, path, fields);

async function createModel(fields: Record<string, unknown> = {}) {
  const created = await call('POST', 'logged-models', { experiment_id: experimentId, name: 'model', source_run_id: run.runId, ...fields });
  expect(created.status).toBe(200);
  return created.body.model as LooseJson;
}

describe('MLflow 3 log_model + registration (calls 7, 10-15 of the client sequence)', () => {
  it('creates a PENDING model, takes its files, finalizes it and registers it from models:/<id>', async () => {
    const model = await createModel({ params: [{ key: 'alpha', value: '0.5' }], tags: [{ key: 'mlflow.source.type', value: 'LOCAL' }], model_type: 'sklearn' });
    const id: string = model.info.model_id;
    expect(id).toMatch(/^m-[0-9a-f]{32}$/);
    expect(model.info).toMatchObject({
      experiment_id: experimentId,
      name: 'model',
      status: 'LOGGED_MODEL_PENDING',
      artifact_uri: `mlflow-artifacts:/${experimentId}/models/${id}/artifacts`,
      source_run_id: run.runId,
      model_type: 'sklearn',
      tags: [{ key: 'mlflow.source.type', value: 'LOCAL' }],
    });
    expect(model.data.params).toEqual([{ key: 'alpha', value: '0.5' }]);

    const files = { MLmodel: `artifact_path: mlflow-artifacts:/${experimentId}/models/${id}/artifacts\nflavors: {sklearn: {sklearn_version: 1.5.1}}\nmodel_id: ${id}\nmodel_uuid: ${id}\n`, 'model.pkl': 'bytes', 'input_example.json': '{"x": [1]}' };
    for (const [file, body] of Object.entries(files)) {
      const put = await t.request({ method: 'PUT', url: `/api/2.0/mlflow-artifacts/artifacts/${experimentId}/models/${id}/artifacts/${file}`, headers: { ...writer, 'content-type': 'application/octet-stream' }, payload: body });
      expect(put.status).toBe(200);
    }
    const finalized = await call('PATCH', `logged-models/${id}`, { model_id: id, status: 'LOGGED_MODEL_READY' });
    expect(finalized.body.model.info.status).toBe('LOGGED_MODEL_READY');

    expect((await call('POST', 'registered-models/create', { name: 'demo-model' })).status).toBe(200);
    const version = await call('POST', 'model-versions/create', { name: 'demo-model', source: `models:/${id}`, model_id: id });
    expect(version.body.model_version).toMatchObject({ version: '1', source: `models:/${id}`, model_id: id, run_id: run.runId, status: 'READY' });
    expect((await call('GET', 'model-versions/get-download-uri', { name: 'demo-model', version: '1' })).body.artifact_uri).toBe(model.info.artifact_uri);
    const stored = await t.database.handle.db.selectFrom('model_versions').select('mlmodel_json').where('name', '=', 'demo-model').executeTakeFirstOrThrow();
    expect(JSON.parse(stored.mlmodel_json ?? '{}')).toMatchObject({ modelId: id, flavors: { sklearn: { sklearn_version: '1.5.1' } } });

    const fetched = await call('GET', `logged-models/${id}`, {}, viewer);
    expect(fetched.body.model.info.registrations).toEqual([{ name: 'demo-model', version: '1' }]);
    expect(fetched.body.model.info.tags).toContainEqual({ key: 'mlflow.modelVersions', value: '[{"name":"demo-model","version":1}]' });
    // The client then sets the same tag itself; the server takes it as given.
    expect((await call('PATCH', `logged-models/${id}/tags`, { tags: [{ key: 'mlflow.modelVersions', value: '[{"name": "demo-model", "version": "1"}]' }] })).body).toEqual({});

    const listed = await call('GET', `logged-models/${id}/artifacts/directories`, {}, viewer);
    expect(listed.body).toEqual({
      root_uri: model.info.artifact_uri,
      files: [
        { path: 'MLmodel', is_dir: false, file_size: files.MLmodel.length },
        { path: 'input_example.json', is_dir: false, file_size: 10 },
        { path: 'model.pkl', is_dir: false, file_size: 5 },
      ],
    });
    const file = await t.app.inject({ method: 'GET', url: `/ajax-api/2.0/mlflow/logged-models/${id}/artifacts/files?artifact_file_path=input_example.json`, headers: viewer });
    expect(file.statusCode).toBe(200);
    expect(file.body).toBe('{"x": [1]}');
    expect(file.headers['content-disposition']).toMatch(/^attachment/);
  });
});

describe('logged models', () => {
  it('generates a name when none is given and reports metrics logged with its id', async () => {
    const model = await createModel({ name: undefined });
    expect(model.info.name).toMatch(/^[a-z]+-[a-z]+-\d+$/);
    await insertMetric(t.database.handle.db, { runId: run.runId, modelId: model.info.model_id, key: 'rmse', value: 0.4, step: 1, timestamp: 1000, datasetName: 'wine', datasetDigest: 'abc' });
    const fetched = await call('GET', `logged-models/${model.info.model_id}`);
    expect(fetched.body.model.data.metrics).toEqual([
      { key: 'rmse', value: 0.4, timestamp: 1000, step: 1, dataset_name: 'wine', dataset_digest: 'abc', model_id: model.info.model_id, run_id: run.runId },
    ]);
  });

  it('accepts finalize statuses as names or numbers and refuses others', async () => {
    const { info } = await createModel();
    expect((await call('PATCH', `logged-models/${info.model_id}`, { model_id: info.model_id, status: 3 })).body.model.info.status).toBe('LOGGED_MODEL_UPLOAD_FAILED');
    expect((await call('PATCH', `logged-models/${info.model_id}`, { status: 'READY' })).status).toBe(400);
    expect((await call('PATCH', `logged-models/${info.model_id}`, { status: 0 })).status).toBe(400);
    expect((await call('PATCH', `logged-models/${info.model_id}`, {})).status).toBe(400);
  });

  it('tags, logs params once, deletes tags and soft-deletes models', async () => {
    const { info } = await createModel({ params: [{ key: 'a', value: '1' }] });
    const id = info.model_id as string;
    await call('PATCH', `logged-models/${id}/tags`, { tags: [{ key: 'team/owner', value: 'ml' }, { key: 'k', value: 'v' }] });
    expect((await call('DELETE', `logged-models/${id}/tags/team/owner`)).status).toBe(200);
    expect((await call('DELETE', `logged-models/${id}/tags/team/owner`))).toMatchObject({ status: 404, body: { error_code: 'RESOURCE_DOES_NOT_EXIST' } });
    expect((await call('POST', `logged-models/${id}/params`, { params: [{ key: 'a', value: '1' }, { key: 'b', value: '2' }] })).body).toEqual({});
    expect((await call('POST', `logged-models/${id}/params`, { params: [{ key: 'a', value: 'changed' }] })).status).toBe(400);
    const fetched = await call('GET', `logged-models/${id}`);
    expect(fetched.body.model.data.params).toEqual([
      { key: 'a', value: '1' },
      { key: 'b', value: '2' },
    ]);
    expect(fetched.body.model.info.tags).toEqual([{ key: 'k', value: 'v' }]);

    expect((await call('DELETE', `logged-models/${id}`)).body).toEqual({});
    expect((await call('GET', `logged-models/${id}`)).status).toBe(404);
    expect((await call('GET', `logged-models/${id}`, { allow_deleted: 'true' })).status).toBe(200);
    expect((await call('DELETE', `logged-models/${id}`)).status).toBe(404);
    const audit = await t.database.handle.db.selectFrom('audit_events').select('action').where('entity_type', '=', 'logged-model').where('entity_id', '=', id).orderBy('seq').execute();
    expect(audit.map((e) => e.action)).toEqual(['logged-model.create', 'logged-model.set-tags', 'logged-model.delete-tag', 'logged-model.log-params', 'logged-model.delete']);
  });

  it('answers unknown experiments, runs and models, and bad input, with MLflow errors', async () => {
    expect(await call('POST', 'logged-models', { experiment_id: '999999' })).toMatchObject({ status: 404, body: { error_code: 'RESOURCE_DOES_NOT_EXIST' } });
    expect((await call('POST', 'logged-models', { experiment_id: 'abc' })).status).toBe(404);
    expect((await call('POST', 'logged-models', { experiment_id: experimentId, source_run_id: 'ffffffffffffffffffffffffffffffff' })).status).toBe(404);
    expect((await call('POST', 'logged-models', {})).status).toBe(400);
    expect((await call('POST', 'logged-models', { experiment_id: experimentId, name: 'a/b' })).status).toBe(400);
    expect((await call('POST', 'logged-models', { experiment_id: experimentId, tags: [{ key: '../x', value: 'v' }] })).status).toBe(400);
    expect((await call('GET', 'logged-models/m-00000000000000000000000000000000')).status).toBe(404);
    expect((await call('POST', 'logged-models', { experiment_id: experimentId }, viewer)).status).toBe(403);
    await t.database.handle.db.updateTable('experiments').set({ lifecycle_stage: 'deleted' }).where('experiment_id', '=', 0).execute();
    expect(await call('POST', 'logged-models', { experiment_id: '0' })).toMatchObject({ status: 400, body: { error_code: 'INVALID_PARAMETER_VALUE' } });
    const model = await createModel();
    expect((await t.request({ method: 'GET', url: `/ajax-api/2.0/mlflow/logged-models/${model.info.model_id}/artifacts/files`, headers: viewer })).status).toBe(400);
    expect((await t.request({ method: 'GET', url: `/ajax-api/2.0/mlflow/logged-models/${model.info.model_id}/artifacts/files?artifact_file_path=..%2F..%2Fx`, headers: viewer })).status).toBe(400);
    expect((await call('GET', `logged-models/${model.info.model_id}/artifacts/directories`, { artifact_directory_path: '../../' })).status).toBe(400);
  });
});
