import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../testing/build-test-app';
import { type LooseJson, mlflowCall } from '../../testing/mlflow-call';
import { insertExperiment, insertRun } from '../../testing/mlflow-fixtures';

let t: TestApp;
let writer: Record<string, string>;
let viewer: Record<string, string>;
let experimentId: string;

beforeAll(async () => {
  t = await buildTestApp();
  writer = (await t.userWithRole('data-scientist', 'dana')).headers;
  viewer = (await t.userWithRole('viewer')).headers;
  experimentId = await insertExperiment(t.database.handle.db);
});
afterAll(() => t.close());

const call = (method: 'GET' | 'POST' | 'PATCH' | 'DELETE', path: string, fields?: Record<string, unknown>, headers = writer) =>
  mlflowCall(t, headers, method, path, fields);

async function registerVersion(name: string) {
  const run = await insertRun(t.database.handle.db, experimentId);
  return call('POST', 'model-versions/create', { name, source: `${run.artifactUri}/model`, run_id: run.runId });
}

const audit = (entityId: string) =>
  t.database.handle.db.selectFrom('audit_events').select(['action', 'entity_type', 'before_json', 'after_json', 'actor_name']).where('entity_id', '=', entityId).orderBy('seq').execute();

describe('registered models', () => {
  it('creates, reads and lists the deprecated latest_versions', async () => {
    const created = await call('POST', 'registered-models/create', { name: 'churn', description: 'Predicts churn', tags: [{ key: 'team', value: 'growth' }] });
    expect(created.status).toBe(200);
    expect(created.body.registered_model).toMatchObject({ name: 'churn', description: 'Predicts churn', tags: [{ key: 'team', value: 'growth' }] });
    expect(created.body.registered_model.creation_timestamp).toEqual(expect.any(Number));
    expect(created.body.registered_model).not.toHaveProperty('latest_versions');

    await registerVersion('churn');
    await registerVersion('churn');
    await call('POST', 'model-versions/transition-stage', { name: 'churn', version: '1', stage: 'production' });
    const fetched = await call('GET', 'registered-models/get', { name: 'churn' }, viewer);
    expect(fetched.body.registered_model.latest_versions.map((v: LooseJson) => [v.version, v.current_stage])).toEqual([
      ['2', 'None'],
      ['1', 'Production'],
    ]);
    const [event] = await audit('churn');
    expect(event).toMatchObject({ action: 'registered-model.create', entity_type: 'registered-model', actor_name: 'dana' });
  });

  it('answers duplicates, unknown names and missing fields with MLflow errors', async () => {
    await call('POST', 'registered-models/create', { name: 'dup' });
    const again = await call('POST', 'registered-models/create', { name: 'dup' });
    expect(again).toMatchObject({ status: 400, body: { error_code: 'RESOURCE_ALREADY_EXISTS', message: 'Registered Model (name=dup) already exists.' } });
    const missing = await call('GET', 'registered-models/get', { name: 'nope' }, viewer);
    expect(missing).toMatchObject({ status: 404, body: { error_code: 'RESOURCE_DOES_NOT_EXIST', message: 'Registered Model with name=nope not found' } });
    expect(await call('POST', 'registered-models/create', {})).toMatchObject({ status: 400, body: { error_code: 'INVALID_PARAMETER_VALUE' } });
    expect(await call('POST', 'registered-models/create', { name: '' })).toMatchObject({ status: 400, body: { error_code: 'INVALID_PARAMETER_VALUE' } });
    expect(await call('POST', 'registered-models/create', { name: 'x', tags: [{ key: '../etc', value: 'v' }] })).toMatchObject({ status: 400 });
    expect(await call('POST', 'registered-models/create', { name: 'viewer-made' }, viewer)).toMatchObject({ status: 403, body: { error_code: 'PERMISSION_DENIED' } });
  });

  it('keeps names with spaces, slashes and Unicode apart and refuses look-alikes (CVE-2024-3099)', async () => {
    for (const name of ['fraud model', 'team/fraud', 'team/fraud/v2', 'détection ✓', 'Fraud Model']) {
      expect((await call('POST', 'registered-models/create', { name })).status).toBe(200);
    }
    expect((await call('GET', 'registered-models/get', { name: 'team/fraud' }, viewer)).body.registered_model.name).toBe('team/fraud');
    expect((await call('GET', 'registered-models/get', { name: 'détection ✓' }, viewer)).body.registered_model.name).toBe('détection ✓');
    for (const name of ['fraud%20model', 'team%2Ffraud', 'fraud model ', ' fraud model', 'de\u0301tection', 'bad\u0000name', 'tab\tname', 'x'.repeat(257)]) {
      const refused = await call('POST', 'registered-models/create', { name });
      expect(refused.status, name).toBe(400);
      expect(refused.body.error_code).toBe('INVALID_PARAMETER_VALUE');
    }
    expect((await call('POST', 'registered-models/rename', { name: 'fraud model', new_name: 'fraud%2520model' })).status).toBe(400);
  });

  it('renames a model with its versions, tags and aliases', async () => {
    await call('POST', 'registered-models/create', { name: 'old name', tags: [{ key: 'k', value: 'v' }] });
    await registerVersion('old name');
    await call('POST', 'model-versions/set-tag', { name: 'old name', version: '1', key: 'validated', value: 'yes' });
    await call('POST', 'registered-models/alias', { name: 'old name', alias: 'champion', version: '1' });
    const renamed = await call('POST', 'registered-models/rename', { name: 'old name', new_name: 'team/new name' });
    expect(renamed.body.registered_model).toMatchObject({ name: 'team/new name', tags: [{ key: 'k', value: 'v' }], aliases: [{ alias: 'champion', version: '1' }] });
    const version = await call('GET', 'model-versions/get', { name: 'team/new name', version: '1' }, viewer);
    expect(version.body.model_version).toMatchObject({ name: 'team/new name', tags: [{ key: 'validated', value: 'yes' }], aliases: ['champion'] });
    expect((await call('GET', 'registered-models/alias', { name: 'team/new name', alias: 'champion' }, viewer)).body.model_version.version).toBe('1');
    expect((await call('GET', 'registered-models/get', { name: 'old name' }, viewer)).status).toBe(404);
    expect((await audit('old name')).at(-1)).toMatchObject({ action: 'registered-model.rename', after_json: JSON.stringify({ name: 'team/new name' }) });

    await call('POST', 'registered-models/create', { name: 'taken' });
    expect(await call('POST', 'registered-models/rename', { name: 'team/new name', new_name: 'taken' })).toMatchObject({ status: 400, body: { error_code: 'RESOURCE_ALREADY_EXISTS' } });
    expect(await call('POST', 'registered-models/rename', { name: 'ghost', new_name: 'ghost2' })).toMatchObject({ status: 404 });
  });

  it('updates the description and sets and deletes tags', async () => {
    await call('POST', 'registered-models/create', { name: 'tagged' });
    const updated = await call('PATCH', 'registered-models/update', { name: 'tagged', description: 'New text' });
    expect(updated.body.registered_model.description).toBe('New text');
    expect((await call('POST', 'registered-models/set-tag', { name: 'tagged', key: 'owner', value: 'ana' })).body).toEqual({});
    await call('POST', 'registered-models/set-tag', { name: 'tagged', key: 'owner', value: 'bo' });
    await call('POST', 'registered-models/set-tag', { name: 'tagged', key: 'mlflow.note', value: 'x' });
    expect((await call('GET', 'registered-models/get', { name: 'tagged' }, viewer)).body.registered_model.tags).toEqual([
      { key: 'mlflow.note', value: 'x' },
      { key: 'owner', value: 'bo' },
    ]);
    expect((await call('DELETE', 'registered-models/delete-tag', { name: 'tagged', key: 'owner' })).status).toBe(200);
    expect((await call('DELETE', 'registered-models/delete-tag', { name: 'tagged', key: 'owner' })).status).toBe(200);
    expect((await call('DELETE', 'registered-models/delete-tag', { name: 'ghost', key: 'owner' })).status).toBe(404);
    expect((await call('POST', 'registered-models/set-tag', { name: 'tagged', key: 'k', value: 'v'.repeat(5001) })).status).toBe(400);
    expect((await audit('tagged')).map((e) => e.action)).toEqual([
      'registered-model.create',
      'registered-model.update',
      'registered-model.set-tag',
      'registered-model.set-tag',
      'registered-model.set-tag',
      'registered-model.delete-tag',
    ]);
  });

  it('deletes a model with its versions, tags and aliases', async () => {
    await call('POST', 'registered-models/create', { name: 'doomed', tags: [{ key: 'k', value: 'v' }] });
    await registerVersion('doomed');
    await call('POST', 'model-versions/set-tag', { name: 'doomed', version: '1', key: 'a', value: 'b' });
    await call('POST', 'registered-models/alias', { name: 'doomed', alias: 'champion', version: '1' });
    expect((await call('DELETE', 'registered-models/delete', { name: 'doomed' })).body).toEqual({});
    const db = t.database.handle.db;
    for (const table of ['model_versions', 'registered_model_tags', 'registered_model_aliases', 'model_version_tags'] as const) {
      expect(await db.selectFrom(table).select('name').where('name', '=', 'doomed').execute(), table).toEqual([]);
    }
    expect((await call('DELETE', 'registered-models/delete', { name: 'doomed' })).status).toBe(404);
    expect((await audit('doomed@champion')).map((e) => e.action)).toEqual(['model-alias.set', 'model-alias.delete']);
    expect((await audit('doomed/1')).map((e) => e.action)).toEqual(['model-version.create', 'model-version.set-tag', 'model-version.delete']);
    expect((await audit('doomed')).at(-1)).toMatchObject({ action: 'registered-model.delete' });
    // A new model under the same name starts again at version 1.
    await call('POST', 'registered-models/create', { name: 'doomed' });
    expect((await registerVersion('doomed')).body.model_version.version).toBe('1');
  });
});
