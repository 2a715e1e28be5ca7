import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../testing/build-test-app';
import { type LooseJson, mlflowCall } from '../../testing/mlflow-call';

let t: TestApp;
let writer: Record<string, string>;
let viewer: Record<string, string>;

beforeAll(async () => {
  t = await buildTestApp();
  writer = (await t.userWithRole('data-scientist', 'dana')).headers;
  viewer = (await t.userWithRole('viewer')).headers;
});
afterAll(() => t.close());

const call = (method: 'GET' | 'POST', path: string, fields?: Record<string, unknown>, headers = writer) => mlflowCall(t, headers, method, path, fields);
const audit = (entityId: string) =>
  t.database.handle.db.selectFrom('audit_events').select(['action', 'actor_name', 'after_json']).where('entity_type', '=', 'experiment').where('entity_id', '=', entityId).orderBy('seq').execute();

describe('experiments', () => {
  it('has the Default experiment "0" MLflow clients fall back to', async () => {
    const fetched = await call('GET', 'experiments/get', { experiment_id: '0' }, viewer);
    expect(fetched.status).toBe(200);
    expect(fetched.body.experiment).toMatchObject({ experiment_id: '0', name: 'Default', artifact_location: 'mlflow-artifacts:/0', lifecycle_stage: 'active' });
    expect(await call('POST', 'experiments/delete', { experiment_id: '0' })).toMatchObject({ status: 400, body: { error_code: 'INVALID_PARAMETER_VALUE' } });
  });

  it('creates an experiment with tags and reads it by id and by name', async () => {
    const created = await call('POST', 'experiments/create', { name: 'churn', tags: [{ key: 'team', value: 'growth' }] });
    expect(created.status).toBe(200);
    const id = created.body.experiment_id;
    expect(id).toMatch(/^\d+$/);
    const byId = await call('GET', 'experiments/get', { experiment_id: id }, viewer);
    expect(byId.body.experiment).toEqual({
      experiment_id: id,
      name: 'churn',
      artifact_location: `mlflow-artifacts:/${id}`,
      lifecycle_stage: 'active',
      creation_time: expect.any(Number),
      last_update_time: expect.any(Number),
      tags: [{ key: 'team', value: 'growth' }],
    });
    const byName = await call('GET', 'experiments/get-by-name', { experiment_name: 'churn' }, viewer);
    expect(byName.body.experiment.experiment_id).toBe(id);
    expect(await audit(id)).toEqual([expect.objectContaining({ action: 'experiment.create', actor_name: 'dana' })]);
  });

  it('answers duplicates, unknown ids and bad input with MLflow errors', async () => {
    await call('POST', 'experiments/create', { name: 'dup' });
    expect(await call('POST', 'experiments/create', { name: 'dup' })).toMatchObject({
      status: 400,
      body: { error_code: 'RESOURCE_ALREADY_EXISTS', message: 'Experiment(name=dup) already exists.' },
    });
    expect(await call('GET', 'experiments/get', { experiment_id: '987654' }, viewer)).toMatchObject({ status: 404, body: { error_code: 'RESOURCE_DOES_NOT_EXIST' } });
    expect(await call('GET', 'experiments/get', { experiment_id: 'abc' }, viewer)).toMatchObject({ status: 404, body: { error_code: 'RESOURCE_DOES_NOT_EXIST' } });
    expect(await call('GET', 'experiments/get-by-name', { experiment_name: 'nope' }, viewer)).toMatchObject({ status: 404, body: { error_code: 'RESOURCE_DOES_NOT_EXIST' } });
    for (const body of [{}, { name: '' }, { name: { nested: 1 } }, { name: ['a'] }, { name: 'x'.repeat(501) }, { name: 'ok', tags: [{ key: '../x', value: 'v' }] }, { name: 'ok', tags: 'nope' }]) {
      const refused = await call('POST', 'experiments/create', body);
      expect(refused.status, JSON.stringify(body)).toBe(400);
      expect(refused.body.error_code).toBe('INVALID_PARAMETER_VALUE');
    }
    expect((await call('POST', 'experiments/create', { name: 'long-tag', tags: [{ key: 'k', value: 'v'.repeat(5001) }] })).status).toBe(400);
    expect(await call('GET', 'experiments/get', { experiment_id: '%2e%2e' }, viewer)).toMatchObject({ status: 400, body: { error_code: 'INVALID_PARAMETER_VALUE' } });
  });

  it('accepts only this server’s own artifact locations, canonicalised', async () => {
    const own = await call('POST', 'experiments/create', { name: 'own-location', artifact_location: 'mlflow-artifacts:/team/a' });
    expect((await call('GET', 'experiments/get', { experiment_id: own.body.experiment_id })).body.experiment.artifact_location).toBe('mlflow-artifacts:/team/a');
    for (const location of ['file:///etc', '/tmp/x', 's3://bucket/x', 'mlflow-artifacts:/a/../../etc', 'mlflow-artifacts:/a%2f..%2f..%2fetc', 'mlflow-artifacts:/a;x', 'mlflow-artifacts:/a#f', 'mlflow-artifacts://evil.example/a']) {
      const refused = await call('POST', 'experiments/create', { name: `bad-${location}`, artifact_location: location });
      expect(refused.status, location).toBe(400);
    }
  });

  it('renames, tags, deletes and restores, with its runs, and refuses viewers', async () => {
    const id = (await call('POST', 'experiments/create', { name: 'lifecycle' })).body.experiment_id;
    const run = (await call('POST', 'runs/create', { experiment_id: id })).body.run.info.run_id;
    expect((await call('POST', 'experiments/update', { experiment_id: id, new_name: 'lifecycle-2' })).status).toBe(200);
    expect(await call('POST', 'experiments/update', { experiment_id: id })).toMatchObject({ status: 400, body: { error_code: 'INVALID_PARAMETER_VALUE' } });
    expect(await call('POST', 'experiments/update', { experiment_id: id, new_name: 'dup' })).toMatchObject({ status: 400, body: { error_code: 'RESOURCE_ALREADY_EXISTS' } });
    expect((await call('POST', 'experiments/set-experiment-tag', { experiment_id: id, key: 'mlflow.note.content', value: 'notes' })).status).toBe(200);
    expect((await call('POST', 'experiments/set-experiment-tag', { experiment_id: id, key: 'k', value: 'v'.repeat(5001) })).status).toBe(400);
    expect((await call('POST', 'experiments/delete-experiment-tag', { experiment_id: id, key: 'absent' })).status).toBe(404);
    expect((await call('GET', 'experiments/get', { experiment_id: id })).body.experiment).toMatchObject({ name: 'lifecycle-2', tags: [{ key: 'mlflow.note.content', value: 'notes' }] });
    expect((await call('POST', 'experiments/delete-experiment-tag', { experiment_id: id, key: 'mlflow.note.content' })).status).toBe(200);
    expect((await call('GET', 'experiments/get', { experiment_id: id })).body.experiment).not.toHaveProperty('tags');

    expect(await call('POST', 'experiments/delete', { experiment_id: id }, viewer)).toMatchObject({ status: 403, body: { error_code: 'PERMISSION_DENIED' } });
    expect((await call('POST', 'experiments/delete', { experiment_id: id })).status).toBe(200);
    expect((await call('GET', 'experiments/get', { experiment_id: id })).body.experiment.lifecycle_stage).toBe('deleted');
    expect((await call('GET', 'runs/get', { run_id: run })).body.run.info.lifecycle_stage).toBe('deleted');
    expect(await call('POST', 'runs/create', { experiment_id: id })).toMatchObject({ status: 400, body: { error_code: 'INVALID_PARAMETER_VALUE' } });
    expect((await call('POST', 'experiments/set-experiment-tag', { experiment_id: id, key: 'k', value: 'v' })).status).toBe(400);
    // A deleted experiment still holds its name, as in MLflow's SQL store.
    expect((await call('POST', 'experiments/create', { name: 'lifecycle-2' })).body.error_code).toBe('RESOURCE_ALREADY_EXISTS');

    expect((await call('POST', 'experiments/restore', { experiment_id: id })).status).toBe(200);
    expect((await call('GET', 'runs/get', { run_id: run })).body.run.info.lifecycle_stage).toBe('active');
    expect((await audit(id)).map((event) => event.action)).toEqual([
      'experiment.create',
      'experiment.rename',
      'experiment.set-tag',
      'experiment.delete-tag',
      'experiment.delete',
      'experiment.restore',
    ]);
  });

  it('serves the legacy experiments/list the npm client calls, paged', async () => {
    for (let i = 0; i < 3; i++) await call('POST', 'experiments/create', { name: `listed-${i}` });
    const all = await call('GET', 'experiments/list', {}, viewer);
    expect(all.body.experiments.map((e: LooseJson) => e.name)).toEqual(expect.arrayContaining(['Default', 'listed-0', 'listed-1', 'listed-2']));
    const first = await call('GET', 'experiments/list', { max_results: 2 }, viewer);
    expect(first.body.experiments).toHaveLength(2);
    const second = await call('GET', 'experiments/list', { max_results: 2, page_token: first.body.next_page_token }, viewer);
    expect(second.body.experiments[0].experiment_id).not.toBe(first.body.experiments[0].experiment_id);
    expect(await call('GET', 'experiments/list', { page_token: 'garbage!' }, viewer)).toMatchObject({ status: 400, body: { error_code: 'INVALID_PARAMETER_VALUE' } });
    expect(await call('GET', 'experiments/list', { view_type: 'SOMETIMES' }, viewer)).toMatchObject({ status: 400 });
  });
});
