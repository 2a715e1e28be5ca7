import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../testing/build-test-app';
import { type LooseJson, mlflowCall } from '../testing/mlflow-call';

/**
 * Replays, call by call, what the MLflow Python client sends for
 *   set_experiment("demo"); with start_run(): log_param; log_metric;
 *   sklearn.log_model(m, name="model", registered_model_name="demo-model")
 * in MLflow 3 (logged models) and MLflow 2 (run artifacts + runs/log-model), asserting every
 * response field the client reads (section 5 of the MLflow reference). Authenticated as the
 * client would be with MLFLOW_TRACKING_TOKEN (Bearer).
 */
let t: TestApp;
let headers: Record<string, string>;

beforeAll(async () => {
  t = await buildTestApp();
  headers = (await t.userWithRole('data-scientist', 'alice')).headers;
});
afterAll(() => t.close());

const call = (method: 'GET' | 'POST' | 'PATCH' | 'DELETE', path: string, fields?: Record<string, unknown>) => mlflowCall(t, headers, method, path, fields);
const upload = (uri: string, file: string, body: string) =>
  t.request({ method: 'PUT', url: `/api/2.0/mlflow-artifacts/artifacts/${uri.replace(/^mlflow-artifacts:\//, '')}/${file}`, headers: { ...headers, 'content-type': 'application/octet-stream' }, payload: body });

const sourceTags = [
  { key: 'mlflow.user', value: 'alice' },
  { key: 'mlflow.source.name', value: 'train.py' },
  { key: 'mlflow.source.type', value: 'LOCAL' },
  { key: 'mlflow.source.git.commit', value: '0123456789abcdef0123456789abcdef01234567' },
];

function mlmodel(artifactPath: string, runId: string, modelId?: string) {
  return [
    `artifact_path: ${artifactPath}`,
    'flavors:',
    '  python_function:',
    '    env: {conda: conda.yaml, virtualenv: python_env.yaml}',
    '    loader_module: mlflow.sklearn',
    '    model_path: model.pkl',
    '    predict_fn: predict',
    '    python_version: 3.11.9',
    '  sklearn:',
    '    pickled_model: model.pkl',
    '    serialization_format: cloudpickle',
    '    sklearn_version: 1.5.2',
    `mlflow_version: ${modelId ? '3.1.0' : '2.17.0'}`,
    ...(modelId ? [`model_id: ${modelId}`, `model_uuid: ${modelId}`] : ['model_uuid: 5a1d7e0c2b6f4a3e9c8d7b6a5f4e3d2c']),
    `run_id: ${runId}`,
    'signature:',
    `  inputs: '[{"type": "double", "name": "x", "required": true}]'`,
    `  outputs: '[{"type": "long", "required": true}]'`,
    '  params: null',
    "utc_time_created: '2026-11-28 04:00:00.000000'",
  ].join('\n');
}
const modelFiles = (mlmodelText: string): Array<[string, string]> => [
  ['MLmodel', mlmodelText],
  ['model.pkl', 'pickled-bytes'],
  ['conda.yaml', 'name: mlflow-env\n'],
  ['python_env.yaml', 'python: 3.11.9\n'],
  ['requirements.txt', 'mlflow==3.1.0\nscikit-learn==1.5.2\n'],
  ['input_example.json', '{"columns": ["x"], "data": [[1.0]]}'],
  ['serving_input_example.json', '{"dataframe_split": {"columns": ["x"], "data": [[1.0]]}}'],
];

/** Steps 1–5, shared by both versions: experiment by name (created on 404), run, param, metric. */
async function startRun(experimentName: string) {
  const missing = await call('GET', 'experiments/get-by-name', { experiment_name: experimentName });
  expect(missing).toMatchObject({ status: 404, body: { error_code: 'RESOURCE_DOES_NOT_EXIST' } });
  const created = await call('POST', 'experiments/create', { name: experimentName });
  expect(created.status).toBe(200);
  const experimentId: string = created.body.experiment_id;
  const fetched = await call('GET', 'experiments/get', { experiment_id: experimentId });
  expect(fetched.body.experiment).toMatchObject({ experiment_id: experimentId, name: experimentName, lifecycle_stage: 'active', artifact_location: `mlflow-artifacts:/${experimentId}` });

  const startTime = Date.now();
  const run = await call('POST', 'runs/create', { experiment_id: experimentId, start_time: startTime, tags: sourceTags });
  expect(run.status).toBe(200);
  const info = run.body.run.info;
  expect(info).toMatchObject({ experiment_id: experimentId, status: 'RUNNING', lifecycle_stage: 'active', start_time: startTime, user_id: 'alice' });
  expect(info.run_id).toMatch(/^[0-9a-f]{32}$/);
  expect(info.run_name).toEqual(expect.any(String));
  expect(info.artifact_uri).toBe(`mlflow-artifacts:/${experimentId}/${info.run_id}/artifacts`);
  const runId: string = info.run_id;

  expect((await call('POST', 'runs/log-parameter', { run_id: runId, run_uuid: runId, key: 'alpha', value: '0.5' })).body).toEqual({});
  expect((await call('POST', 'runs/log-metric', { run_id: runId, run_uuid: runId, key: 'rmse', value: 0.41, timestamp: startTime + 1, step: 0 })).body).toEqual({});
  return { experimentId, runId, artifactUri: info.artifact_uri as string, startTime };
}

async function finishRun(runId: string) {
  const endTime = Date.now();
  const finished = await call('POST', 'runs/update', { run_id: runId, run_uuid: runId, status: 'FINISHED', end_time: endTime });
  expect(finished.body.run_info).toMatchObject({ run_id: runId, status: 'FINISHED', end_time: endTime });
}

describe('MLflow 3 log_model + registration', () => {
  it('serves the 16-call sequence and reads everything back', async () => {
    const { experimentId, runId, startTime } = await startRun('demo');

    // 6. The run's params are copied onto the logged model.
    const run = await call('GET', 'runs/get', { run_id: runId });
    expect(run.body.run.data.params).toEqual([{ key: 'alpha', value: '0.5' }]);

    // 7. The logged model.
    const created = await call('POST', 'logged-models', {
      experiment_id: experimentId,
      name: 'model',
      source_run_id: runId,
      params: run.body.run.data.params,
      tags: [{ key: 'mlflow.source.name', value: 'train.py' }],
      model_type: 'sklearn',
    });
    expect(created.status).toBe(200);
    const model = created.body.model.info;
    expect(model.model_id).toMatch(/^m-[0-9a-f]{32}$/);
    expect(model).toMatchObject({ experiment_id: experimentId, name: 'model', source_run_id: runId, status: 'LOGGED_MODEL_PENDING' });
    expect(model.artifact_uri).toBe(`mlflow-artifacts:/${experimentId}/models/${model.model_id}/artifacts`);
    const modelId: string = model.model_id;

    // 8. The run's output.
    expect((await call('POST', 'runs/outputs', { run_id: runId, models: [{ model_id: modelId, step: 0 }] })).status).toBe(200);

    // 9. Metrics re-logged at their step, now carrying the model id.
    const again = await call('GET', 'runs/get', { run_id: runId });
    expect(again.body.run.outputs).toEqual({ model_outputs: [{ model_id: modelId, step: 0 }] });
    const metrics = [];
    for (const { key } of again.body.run.data.metrics) {
      const history = await call('GET', 'metrics/get-history', { run_id: runId, metric_key: key });
      expect(history.body.metrics).toEqual([{ key: 'rmse', value: 0.41, timestamp: startTime + 1, step: 0, run_id: runId }]);
      metrics.push(...history.body.metrics.map((m: LooseJson) => ({ key: m.key, value: m.value, timestamp: m.timestamp, step: m.step, model_id: modelId })));
    }
    expect((await call('POST', 'runs/log-batch', { run_id: runId, metrics, params: [], tags: [] })).status).toBe(200);

    // 10. One PUT per model file.
    for (const [file, body] of modelFiles(mlmodel(model.artifact_uri, runId, modelId))) {
      expect((await upload(model.artifact_uri, file, body)).status, file).toBe(200);
    }

    // 11. Finalize.
    const ready = await call('PATCH', `logged-models/${modelId}`, { model_id: modelId, status: 'LOGGED_MODEL_READY' });
    expect(ready.body.model.info.status).toBe('LOGGED_MODEL_READY');

    // 12. Register (a second create answers RESOURCE_ALREADY_EXISTS, which the client tolerates).
    expect((await call('POST', 'registered-models/create', { name: 'demo-model' })).body.registered_model.name).toBe('demo-model');
    expect(await call('POST', 'registered-models/create', { name: 'demo-model' })).toMatchObject({ status: 400, body: { error_code: 'RESOURCE_ALREADY_EXISTS' } });

    // 13. The version: the server resolves the storage location and run from the logged model.
    const version = await call('POST', 'model-versions/create', { name: 'demo-model', source: `models:/${modelId}`, model_id: modelId });
    expect(version.status).toBe(200);
    expect(version.body.model_version).toMatchObject({ name: 'demo-model', version: '1', source: `models:/${modelId}`, run_id: runId, model_id: modelId });

    // 14. Polled until not PENDING_REGISTRATION.
    const polled = await call('GET', 'model-versions/get', { name: 'demo-model', version: '1' });
    expect(polled.body.model_version.status).toBe('READY');

    // 15. The logged model records the registration.
    const logged = await call('GET', `logged-models/${modelId}`);
    expect(logged.body.model.info.registrations).toEqual([{ name: 'demo-model', version: '1' }]);
    const tagged = await call('PATCH', `logged-models/${modelId}/tags`, { tags: [{ key: 'mlflow.modelVersions', value: JSON.stringify([{ name: 'demo-model', version: '1' }]) }] });
    expect(tagged.status).toBe(200);

    // 16. Run ends.
    await finishRun(runId);

    // Reading back: the run, its metric history, the model by alias and its files.
    const final = (await call('GET', 'runs/get', { run_id: runId })).body.run;
    expect(final.info.status).toBe('FINISHED');
    expect(final.data.metrics).toEqual([{ key: 'rmse', value: 0.41, timestamp: startTime + 1, step: 0 }]);
    const loggedMetrics = (await call('GET', `logged-models/${modelId}`)).body.model.data.metrics;
    expect(loggedMetrics).toEqual([expect.objectContaining({ key: 'rmse', value: 0.41, model_id: modelId, run_id: runId })]);
    expect((await call('POST', 'registered-models/alias', { name: 'demo-model', alias: 'champion', version: '1' })).status).toBe(200);
    expect((await call('GET', 'registered-models/alias', { name: 'demo-model', alias: 'champion' })).body.model_version).toMatchObject({ version: '1', model_id: modelId });
    const download = await call('GET', 'model-versions/get-download-uri', { name: 'demo-model', version: '1' });
    expect(download.body.artifact_uri).toBe(model.artifact_uri);
    const listing = await t.request({ method: 'GET', url: `/api/2.0/mlflow-artifacts/artifacts?path=${encodeURIComponent(model.artifact_uri.replace('mlflow-artifacts:/', ''))}`, headers });
    expect((listing.body as LooseJson).files.map((f: LooseJson) => f.path).sort()).toEqual(modelFiles('').map(([file]) => file).sort());
    const mlmodelFile = await t.request({ method: 'GET', url: `/api/2.0/mlflow-artifacts/artifacts/${model.artifact_uri.replace('mlflow-artifacts:/', '')}/MLmodel`, headers });
    expect(mlmodelFile.body).toContain(`model_id: ${modelId}`);
  });
});

describe('MLflow 2 log_model + registration', () => {
  it('serves run-artifact models, runs/log-model and registration by run source', async () => {
    const { runId, artifactUri } = await startRun('demo-2');

    for (const [file, body] of modelFiles(mlmodel('model', runId))) {
      expect((await upload(artifactUri, `model/${file}`, body)).status, file).toBe(200);
    }
    const modelJson = { run_id: runId, artifact_path: 'model', utc_time_created: '2026-11-28 04:00:00.000000', model_uuid: '5a1d7e0c2b6f4a3e9c8d7b6a5f4e3d2c', flavors: { python_function: { loader_module: 'mlflow.sklearn' }, sklearn: { sklearn_version: '1.5.2' } } };
    expect((await call('POST', 'runs/log-model', { run_id: runId, model_json: JSON.stringify(modelJson) })).body).toEqual({});

    expect((await call('POST', 'registered-models/create', { name: 'demo-model-2' })).status).toBe(200);
    const source = `${artifactUri}/model`;
    const version = await call('POST', 'model-versions/create', { name: 'demo-model-2', source, run_id: runId });
    expect(version.body.model_version).toMatchObject({ name: 'demo-model-2', version: '1', source, run_id: runId, status: 'READY', current_stage: 'None' });
    expect((await call('GET', 'model-versions/get', { name: 'demo-model-2', version: '1' })).body.model_version.status).toBe('READY');
    await finishRun(runId);

    const run = (await call('GET', 'runs/get', { run_id: runId })).body.run;
    const history = run.data.tags.find((tag: LooseJson) => tag.key === 'mlflow.log-model.history');
    expect(JSON.parse(history.value)).toEqual([modelJson]);
    const listed = await call('GET', 'artifacts/list', { run_id: runId, path: 'model' });
    expect(listed.body.files.map((f: LooseJson) => f.path)).toContain('model/MLmodel');
    expect((await call('GET', 'model-versions/get-download-uri', { name: 'demo-model-2', version: '1' })).body.artifact_uri).toBe(source);
  });
});
