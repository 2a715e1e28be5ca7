import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../testing/build-test-app';
import { mlflowCall } from '../../testing/mlflow-call';
import { insertExperiment, insertRun } from '../../testing/mlflow-fixtures';

/**
 * Thousands of random requests at every registry and logged-model endpoint: whatever arrives,
 * the answer is a 2xx or a 4xx with MLflow's JSON error, never a 5xx (the Python client retries
 * those for minutes).
 */
let t: TestApp;
let headers: Record<string, string>;
let modelId: string;
let runId: string;

type Method = 'GET' | 'POST' | 'PATCH' | 'DELETE';
const endpoints: Array<[Method, string, string[]]> = [
  ['POST', 'registered-models/create', ['name', 'tags', 'description']],
  ['GET', 'registered-models/get', ['name']],
  ['POST', 'registered-models/rename', ['name', 'new_name']],
  ['PATCH', 'registered-models/update', ['name', 'description']],
  ['DELETE', 'registered-models/delete', ['name']],
  ['GET', 'registered-models/search', ['filter', 'max_results', 'order_by', 'page_token']],
  ['POST', 'registered-models/set-tag', ['name', 'key', 'value']],
  ['DELETE', 'registered-models/delete-tag', ['name', 'key']],
  ['POST', 'registered-models/alias', ['name', 'alias', 'version']],
  ['DELETE', 'registered-models/alias', ['name', 'alias']],
  ['GET', 'registered-models/alias', ['name', 'alias']],
  ['POST', 'registered-models/get-latest-versions', ['name', 'stages']],
  ['GET', 'registered-models/get-latest-versions', ['name', 'stages']],
  ['POST', 'model-versions/create', ['name', 'source', 'run_id', 'tags', 'run_link', 'description', 'model_id']],
  ['GET', 'model-versions/get', ['name', 'version']],
  ['PATCH', 'model-versions/update', ['name', 'version', 'description']],
  ['DELETE', 'model-versions/delete', ['name', 'version']],
  ['GET', 'model-versions/search', ['filter', 'max_results', 'order_by', 'page_token']],
  ['POST', 'model-versions/set-tag', ['name', 'version', 'key', 'value']],
  ['DELETE', 'model-versions/delete-tag', ['name', 'version', 'key']],
  ['POST', 'model-versions/transition-stage', ['name', 'version', 'stage', 'archive_existing_versions']],
  ['GET', 'model-versions/get-download-uri', ['name', 'version']],
  ['POST', 'logged-models', ['experiment_id', 'name', 'model_type', 'source_run_id', 'params', 'tags']],
  ['GET', 'logged-models/{id}', ['allow_deleted']],
  ['PATCH', 'logged-models/{id}', ['model_id', 'status']],
  ['DELETE', 'logged-models/{id}', []],
  ['POST', 'logged-models/search', ['experiment_ids', 'filter', 'datasets', 'max_results', 'order_by', 'page_token']],
  ['PATCH', 'logged-models/{id}/tags', ['tags']],
  ['DELETE', 'logged-models/{id}/tags/{key}', []],
  ['POST', 'logged-models/{id}/params', ['params']],
  ['GET', 'logged-models/{id}/artifacts/directories', ['artifact_directory_path', 'page_token']],
];

const nasty = fc.constantFrom('', ' ', 'fuzz', '1', '0', '-1', '2147483648', '99999999999999999999', 'NaN', 'null', '\u0000', '%00', '../..', '%2e%2e', '\\', "'", '"', '`',
  "name = 'fuzz'", "name = 'a' or 1=1", 'tags.`x` LIKE', 'metrics.a > 1', 'production', 'champion', 'latest', 'Staging', 'LOGGED_MODEL_READY', 'models:/fuzz/1', 'runs:/x/y', 'mlflow-artifacts:/1/x', 'file:///etc/passwd', 'x'.repeat(300), 'é✓', 'eyJvZmZzZXQiOjF9');
const scalar = fc.oneof(nasty, fc.string({ maxLength: 20 }), fc.integer(), fc.double(), fc.boolean(), fc.constant(null));
const value = fc.oneof(
  { weight: 4, arbitrary: scalar },
  { weight: 1, arbitrary: fc.array(fc.oneof(scalar, fc.record({ key: scalar, value: scalar }), fc.record({ field_name: scalar, ascending: scalar, dataset_name: scalar })), { maxLength: 3 }) },
  { weight: 1, arbitrary: fc.dictionary(fc.string({ maxLength: 5 }), scalar, { maxKeys: 3 }) },
);

function body(fields: string[]) {
  return fc.oneof(
    { weight: 5, arbitrary: fc.record(Object.fromEntries(fields.map((field) => [field, value])), { requiredKeys: [] }) },
    { weight: 1, arbitrary: fc.anything({ maxDepth: 2 }) },
  );
}

/** Query strings carry text: objects travel as JSON, as a confused client would send them. */
function asQuery(payload: Record<string, unknown>): Record<string, string[]> {
  const text = (item: unknown) => (item !== null && typeof item === 'object' ? JSON.stringify(item) : String(item));
  return Object.fromEntries(Object.entries(payload).map(([key, item]) => [key, (Array.isArray(item) ? item : [item]).map(text)]));
}

beforeAll(async () => {
  t = await buildTestApp();
  headers = (await t.userWithRole('admin')).headers;
  const experimentId = await insertExperiment(t.database.handle.db);
  runId = (await insertRun(t.database.handle.db, experimentId)).runId;
  await mlflowCall(t, headers, 'POST', 'registered-models/create', { name: 'fuzz' });
  await mlflowCall(t, headers, 'POST', 'model-versions/create', { name: 'fuzz', source: `runs:/${runId}/model` });
  modelId = (await mlflowCall(t, headers, 'POST', 'logged-models', { experiment_id: experimentId })).body.model.info.model_id;
});
afterAll(() => t.close());

describe('fuzzing the registry and logged-model endpoints', () => {
  it.each(endpoints)('%s %s answers random input with 2xx or a JSON 4xx', async (method, template, fields) => {
    await fc.assert(
      fc.asyncProperty(body(fields), fc.constantFrom(modelId, 'm-00000000000000000000000000000000', 'x', '%2e%2e', 'é'), fc.string({ maxLength: 10 }), async (payload, id, key) => {
        const path = template.replace('{id}', encodeURIComponent(id)).replace('{key}', encodeURIComponent(key) || 'k');
        const url = `/api/2.0/mlflow/${path}`;
        const response =
          method === 'GET' && payload && typeof payload === 'object' && !Array.isArray(payload)
            ? await mlflowCall(t, headers, method, url, asQuery(payload as Record<string, unknown>))
            : await t.request({ method, url, headers: { ...headers, 'content-type': 'application/json' }, payload: JSON.stringify(payload ?? null) });
        if (response.status >= 500) throw new Error(`${method} ${url} ${JSON.stringify(payload)} → ${response.status} ${JSON.stringify(response.body)}`);
        if (response.status >= 400) {
          expect(response.body).toMatchObject({ error_code: expect.any(String), message: expect.any(String) });
        }
        return true;
      }),
      { numRuns: 70 },
    );
  });
});
