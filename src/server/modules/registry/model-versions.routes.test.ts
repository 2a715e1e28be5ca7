import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../testing/build-test-app';
import { type LooseJson, mlflowCall } from '../../testing/mlflow-call';
import { insertExperiment, insertRun } from '../../testing/mlflow-fixtures';

let t: TestApp;
let writer: Record<string, string>;
let viewer: Record<string, string>;
let experimentId: string;
let run: { runId: string; artifactUri: string };

const mlmodel = `artifact_path: model
flavors:
  python_function: {loader_module: mlflow.sklearn, model_path: model.pkl}
  sklearn: {pickled_model: model.pkl, sklearn_version: 1.5.1}
mlflow_version: 2.17.0
model_size_bytes: 42
model_uuid: 0a1b
run_id: RUN
signature:
  inputs: '[{"type": "double", "name": "x"}]'
  outputs: '[{"type": "long"}]'
saved_input_example_info: {artifact_path: input_example.json, type: dataframe}
`;

beforeAll(async () => {
  t = await buildTestApp();
  writer = (await t.userWithRole('data-scientist', 'mv-writer')).headers;
  viewer = (await t.userWithRole('viewer')).headers;
  experimentId = await insertExperiment(t.database.handle.db);
  run = await insertRun(t.database.handle.db, experimentId);
  const put = (file: string, body: string) =>
    t.request({ method: 'PUT', url: `/api/2.0/mlflow-artifacts/artifacts/${experimentId}/${run.runId}/artifacts/model/${file}`, headers: writer, payload: body });
  await put('MLmodel', mlmodel);
  await put('model.pkl', 'pickle bytes');
  await mlflowCall(t, writer, 'POST', 'registered-models/create', { name: 'iris' });
});
afterAll(() => t.close());

const call = (method: 'GET' | 'POST' | 'PATCH' | 'DELETE', path: string, fields?: Record<string, unknown>, headers = writer) =>
  mlflowCall(t, headers, method, path, fields);

describe('model-versions/create', () => {
  it('registers an MLflow 2 run artifact (source + run_id), READY at once, with its MLmodel read', async () => {
    const created = await call('POST', 'model-versions/create', {
      name: 'iris',
      source: `${run.artifactUri}/model`,
      run_id: run.runId,
      description: 'first',
      tags: [{ key: 'stage', value: 'candidate' }],
    });
    expect(created.status).toBe(200);
    expect(created.body.model_version).toMatchObject({
      name: 'iris',
      version: '1',
      current_stage: 'None',
      source: `${run.artifactUri}/model`,
      run_id: run.runId,
      status: 'READY',
      description: 'first',
      user_id: 'mv-writer',
      tags: [{ key: 'stage', value: 'candidate' }],
    });
    const row = await t.database.handle.db.selectFrom('model_versions').select(['mlmodel_json', 'storage_location']).where('name', '=', 'iris').executeTakeFirstOrThrow();
    expect(row.storage_location).toBe(`mlflow-artifacts:/${experimentId}/${run.runId}/artifacts/model`);
    expect(JSON.parse(row.mlmodel_json ?? 'null')).toMatchObject({
      flavors: { sklearn: { sklearn_version: '1.5.1' } },
      signature: { inputs: [{ type: 'double', name: 'x' }], outputs: [{ type: 'long' }], params: null },
      savedInputExampleInfo: { artifact_path: 'input_example.json' },
      modelSizeBytes: 42,
      mlflowVersion: '2.17.0',
    });
  });

  it('resolves runs:/ URIs through the run and numbers versions per model', async () => {
    const created = await call('POST', 'model-versions/create', { name: 'iris', source: `runs:/${run.runId}/model` });
    expect(created.body.model_version).toMatchObject({ version: '2', source: `runs:/${run.runId}/model`, run_id: run.runId });
    expect((await call('GET', 'model-versions/get-download-uri', { name: 'iris', version: '2' }, viewer)).body).toEqual({
      artifact_uri: `mlflow-artifacts:/${experimentId}/${run.runId}/artifacts/model`,
    });
    await call('POST', 'registered-models/create', { name: 'other' });
    expect((await call('POST', 'model-versions/create', { name: 'other', source: `runs:/${run.runId}/model` })).body.model_version.version).toBe('1');
    const mismatch = await call('POST', 'model-versions/create', { name: 'iris', source: `runs:/${run.runId}/model`, run_id: 'ffffffffffffffffffffffffffffffff' });
    expect(mismatch.status).toBe(404);
  });

  it('copies a version from models:/<name>/<version> (copy_model_version)', async () => {
    await call('POST', 'registered-models/create', { name: 'team/copy' });
    const copied = await call('POST', 'model-versions/create', { name: 'team/copy', source: 'models:/iris/1' });
    expect(copied.body.model_version).toMatchObject({ version: '1', source: 'models:/iris/1', run_id: run.runId });
    expect((await call('GET', 'model-versions/get-download-uri', { name: 'team/copy', version: '1' })).body.artifact_uri).toBe(
      `mlflow-artifacts:/${experimentId}/${run.runId}/artifacts/model`,
    );
  });

  it('answers unknown models and runs with 404 and bad fields with 400', async () => {
    expect(await call('POST', 'model-versions/create', { name: 'ghost', source: `runs:/${run.runId}/model` })).toMatchObject({
      status: 404,
      body: { error_code: 'RESOURCE_DOES_NOT_EXIST', message: 'Registered Model with name=ghost not found' },
    });
    expect((await call('POST', 'model-versions/create', { name: 'iris', source: 'runs:/0123456789abcdef0123456789abcdef/model' })).status).toBe(404);
    expect((await call('POST', 'model-versions/create', { name: 'iris' })).body.error_code).toBe('INVALID_PARAMETER_VALUE');
    expect((await call('POST', 'model-versions/create', { name: 'iris', source: 'models:/m-00000000000000000000000000000000' })).status).toBe(404);
    expect((await call('POST', 'model-versions/create', { name: 'iris', source: 'mlflow-artifacts:/' })).status).toBe(400);
    expect((await call('POST', 'model-versions/create', { name: 'iris', source: `runs:/${run.runId}/model` }, viewer)).status).toBe(403);
  });
});

describe('reading and changing versions', () => {
  it('gets, updates, tags and transitions a version', async () => {
    const got = await call('GET', 'model-versions/get', { name: 'iris', version: '1' }, viewer);
    expect(got.body.model_version.version).toBe('1');
    const updated = await call('PATCH', 'model-versions/update', { name: 'iris', version: '1', description: 'better' });
    expect(updated.body.model_version.description).toBe('better');
    expect(updated.body.model_version.last_updated_timestamp).toBeGreaterThanOrEqual(got.body.model_version.last_updated_timestamp);
    await call('POST', 'model-versions/set-tag', { name: 'iris', version: '1', key: 'validated', value: 'true' });
    expect((await call('POST', 'model-versions/set-tag', { name: 'iris', version: '1', key: 'novalue' })).status).toBe(400);
    expect((await call('GET', 'model-versions/get', { name: 'iris', version: '1' })).body.model_version.tags).toEqual([
      { key: 'stage', value: 'candidate' },
      { key: 'validated', value: 'true' },
    ]);
    await call('DELETE', 'model-versions/delete-tag', { name: 'iris', version: '1', key: 'validated' });
    expect((await call('GET', 'model-versions/get', { name: 'iris', version: '1' })).body.model_version.tags).toEqual([{ key: 'stage', value: 'candidate' }]);
  });

  it('moves stages, archiving the previous holder on request, and serves get-latest-versions', async () => {
    await call('POST', 'model-versions/transition-stage', { name: 'iris', version: '1', stage: 'Production' });
    const moved = await call('POST', 'model-versions/transition-stage', { name: 'iris', version: '2', stage: 'production', archive_existing_versions: true });
    expect(moved.body.model_version.current_stage).toBe('Production');
    expect((await call('GET', 'model-versions/get', { name: 'iris', version: '1' })).body.model_version.current_stage).toBe('Archived');
    const latest = await call('POST', 'registered-models/get-latest-versions', { name: 'iris', stages: ['Production', 'archived'] }, viewer);
    expect(latest.body.model_versions.map((v: LooseJson) => [v.version, v.current_stage])).toEqual([
      ['2', 'Production'],
      ['1', 'Archived'],
    ]);
    const viaGet = await call('GET', 'registered-models/get-latest-versions', { name: 'iris', stages: 'Production' }, viewer);
    expect(viaGet.body.model_versions.map((v: LooseJson) => v.version)).toEqual(['2']);
    expect((await call('POST', 'model-versions/transition-stage', { name: 'iris', version: '1', stage: 'Prod' })).status).toBe(400);
    expect((await call('POST', 'model-versions/transition-stage', { name: 'iris', version: '1', stage: 'None', archive_existing_versions: true })).status).toBe(400);
    expect((await call('POST', 'registered-models/get-latest-versions', { name: 'iris', stages: ['bogus'] })).status).toBe(400);
  });

  it('validates version numbers and answers unknown versions with 404', async () => {
    for (const version of ['abc', '0', '-1', '1.5', '99999999999999999999']) {
      expect((await call('GET', 'model-versions/get', { name: 'iris', version }, viewer)).status, version).toBe(400);
    }
    expect(await call('GET', 'model-versions/get', { name: 'iris', version: '99' }, viewer)).toMatchObject({
      status: 404,
      body: { message: 'Model Version (name=iris, version=99) not found' },
    });
  });

  it('downloads a version’s files for the UI', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/model-versions/get-artifact?name=iris&version=1&path=MLmodel', headers: viewer });
    expect(response.statusCode).toBe(200);
    expect(response.body).toBe(mlmodel);
    expect(response.headers['content-disposition']).toMatch(/^attachment/);
    expect((await t.request({ method: 'GET', url: '/model-versions/get-artifact?name=iris&version=1&path=../../../x', headers: viewer })).status).toBe(400);
  });

  it('soft-deletes a version (numbers are never reused) and freezes registered files until then', async () => {
    await call('POST', 'registered-models/create', { name: 'frozen' });
    await call('POST', 'model-versions/create', { name: 'frozen', source: `runs:/${run.runId}/model` });
    const overwrite = await t.request({ method: 'PUT', url: `/api/2.0/mlflow-artifacts/artifacts/${experimentId}/${run.runId}/artifacts/model/model.pkl`, headers: writer, payload: 'evil' });
    expect(overwrite.status).toBe(403);
    const wipe = await t.request({ method: 'DELETE', url: `/api/2.0/mlflow-artifacts/artifacts/${experimentId}/${run.runId}`, headers: writer });
    expect(wipe.status).toBe(403);
    // Other files of the run stay writable.
    expect((await t.request({ method: 'PUT', url: `/api/2.0/mlflow-artifacts/artifacts/${experimentId}/${run.runId}/artifacts/notes.txt`, headers: writer, payload: 'ok' })).status).toBe(200);

    expect((await call('DELETE', 'model-versions/delete', { name: 'frozen', version: '1' })).body).toEqual({});
    expect((await call('GET', 'model-versions/get', { name: 'frozen', version: '1' })).status).toBe(404);
    expect((await call('DELETE', 'model-versions/delete', { name: 'frozen', version: '1' })).status).toBe(404);
    expect((await call('POST', 'model-versions/create', { name: 'frozen', source: `runs:/${run.runId}/model` })).body.model_version.version).toBe('2');
  });
});
