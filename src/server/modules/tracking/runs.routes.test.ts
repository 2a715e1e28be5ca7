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
  experimentId = (await mlflowCall(t, writer, 'POST', 'experiments/create', { name: 'runs' })).body.experiment_id;
});
afterAll(() => t.close());

const call = (method: 'GET' | 'POST', path: string, fields?: Record<string, unknown>, headers = writer) => mlflowCall(t, headers, method, path, fields);
const newRun = async (fields: Record<string, unknown> = {}) => (await call('POST', 'runs/create', { experiment_id: experimentId, ...fields })).body.run.info.run_id as string;
const tagsOf = (run: LooseJson) => Object.fromEntries((run.data.tags ?? []).map((tag: LooseJson) => [tag.key, tag.value]));

describe('runs', () => {
  it('creates a run as the Python client does and reads it back', async () => {
    const created = await call('POST', 'runs/create', {
      experiment_id: experimentId,
      start_time: 1732700000000,
      tags: [
        { key: 'mlflow.user', value: 'alice' },
        { key: 'mlflow.source.name', value: 'train.py' },
        { key: 'mlflow.source.type', value: 'LOCAL' },
      ],
      run_name: 'brave-owl-417',
    });
    expect(created.status).toBe(200);
    const info = created.body.run.info;
    expect(info.run_id).toMatch(/^[0-9a-f]{32}$/);
    expect(info).toEqual({
      run_id: info.run_id,
      run_uuid: info.run_id,
      run_name: 'brave-owl-417',
      experiment_id: experimentId,
      user_id: 'alice',
      status: 'RUNNING',
      start_time: 1732700000000,
      artifact_uri: `mlflow-artifacts:/${experimentId}/${info.run_id}/artifacts`,
      lifecycle_stage: 'active',
    });
    expect(tagsOf(created.body.run)).toMatchObject({ 'mlflow.runName': 'brave-owl-417', 'mlflow.user': 'alice', 'mlflow.source.type': 'LOCAL' });
    const fetched = await call('GET', 'runs/get', { run_id: info.run_id }, viewer);
    expect(fetched.body.run).toEqual(created.body.run);
    // Older clients name the run by run_uuid only.
    expect((await call('GET', 'runs/get', { run_uuid: info.run_id }, viewer)).body.run.info.run_id).toBe(info.run_id);
  });

  it('generates a name, defaults to experiment 0 and uses the caller as user', async () => {
    const created = await call('POST', 'runs/create', {});
    expect(created.body.run.info).toMatchObject({ experiment_id: '0', user_id: 'dana', run_name: expect.stringMatching(/^[a-z]+-[a-z]+-\d+$/) });
    expect(tagsOf(created.body.run)['mlflow.runName']).toBe(created.body.run.info.run_name);
    const conflicting = await call('POST', 'runs/create', { experiment_id: experimentId, run_name: 'a', tags: [{ key: 'mlflow.runName', value: 'b' }] });
    expect(conflicting).toMatchObject({ status: 400, body: { error_code: 'INVALID_PARAMETER_VALUE' } });
    expect((await call('POST', 'runs/create', { experiment_id: '424242' })).status).toBe(404);
    expect((await call('POST', 'runs/create', { experiment_id: experimentId, start_time: 'soon' })).status).toBe(400);
    expect((await call('POST', 'runs/create', { experiment_id: experimentId, tags: [{ key: '/abs', value: 'x' }] })).status).toBe(400);
    expect((await call('POST', 'runs/create', { experiment_id: experimentId }, viewer)).status).toBe(403);
  });

  it('updates status, end time and name, returning run_info', async () => {
    const runId = await newRun();
    const updated = await call('POST', 'runs/update', { run_id: runId, run_uuid: runId, status: 'FINISHED', end_time: 1732700060000, run_name: 'renamed' });
    expect(updated.status).toBe(200);
    expect(updated.body.run_info).toMatchObject({ run_id: runId, status: 'FINISHED', end_time: 1732700060000, run_name: 'renamed' });
    expect(tagsOf((await call('GET', 'runs/get', { run_id: runId })).body.run)['mlflow.runName']).toBe('renamed');
    expect(await call('POST', 'runs/update', { run_id: runId, status: 'DONE' })).toMatchObject({ status: 400, body: { error_code: 'INVALID_PARAMETER_VALUE' } });
    expect(await call('POST', 'runs/update', { status: 'FINISHED' })).toMatchObject({ status: 400, body: { error_code: 'INVALID_PARAMETER_VALUE' } });
    expect(await call('POST', 'runs/update', { run_id: 'f'.repeat(32), status: 'FINISHED' })).toMatchObject({ status: 404, body: { error_code: 'RESOURCE_DOES_NOT_EXIST' } });
  });

  it('sets and deletes tags; mlflow.runName renames the run', async () => {
    const runId = await newRun();
    expect((await call('POST', 'runs/set-tag', { run_id: runId, key: 'team', value: 'growth' })).status).toBe(200);
    expect((await call('POST', 'runs/set-tag', { run_id: runId, key: 'mlflow.runName', value: 'by-tag' })).status).toBe(200);
    const run = (await call('GET', 'runs/get', { run_id: runId })).body.run;
    expect(run.info.run_name).toBe('by-tag');
    expect(tagsOf(run).team).toBe('growth');
    expect((await call('POST', 'runs/delete-tag', { run_id: runId, key: 'team' })).status).toBe(200);
    expect(await call('POST', 'runs/delete-tag', { run_id: runId, key: 'team' })).toMatchObject({ status: 404, body: { error_code: 'RESOURCE_DOES_NOT_EXIST' } });
    // Over-long tag values are truncated to 8,000 characters, as MLflow does by default.
    await call('POST', 'runs/set-tag', { run_id: runId, key: 'long', value: 'x'.repeat(9000) });
    expect(tagsOf((await call('GET', 'runs/get', { run_id: runId })).body.run).long).toHaveLength(8000);
    for (const key of ['', 'x'.repeat(251), '../up', 'a//b', 'bad*char', '/abs']) {
      expect((await call('POST', 'runs/set-tag', { run_id: runId, key, value: 'v' })).status, key).toBe(400);
    }
  });

  it('deletes and restores, refusing writes to a deleted run', async () => {
    const runId = await newRun();
    expect((await call('POST', 'runs/delete', { run_id: runId }, viewer)).status).toBe(403);
    expect((await call('POST', 'runs/delete', { run_id: runId })).status).toBe(200);
    expect((await call('GET', 'runs/get', { run_id: runId })).body.run.info.lifecycle_stage).toBe('deleted');
    const writes: Array<[string, Record<string, unknown>]> = [
      ['runs/set-tag', { key: 'k', value: 'v' }],
      ['runs/update', { status: 'FINISHED' }],
      ['runs/log-parameter', { key: 'p', value: '1' }],
      ['runs/log-metric', { key: 'm', value: 1, timestamp: 1 }],
      ['runs/log-batch', { metrics: [{ key: 'm', value: 1, timestamp: 1 }] }],
    ];
    for (const [path, fields] of writes) {
      expect(await call('POST', path, { run_id: runId, ...fields }), path).toMatchObject({ status: 400, body: { error_code: 'INVALID_PARAMETER_VALUE' } });
    }
    expect((await call('POST', 'runs/restore', { run_id: runId })).status).toBe(200);
    expect((await call('POST', 'runs/set-tag', { run_id: runId, key: 'k', value: 'v' })).status).toBe(200);
    const actions = await t.database.handle.db.selectFrom('audit_events').select('action').where('entity_id', '=', runId).orderBy('seq').execute();
    expect(actions.map((a) => a.action)).toEqual(['run.create', 'run.delete', 'run.restore', 'run.set-tag']);
  });

  it('answers unknown and malformed run ids', async () => {
    expect(await call('GET', 'runs/get', { run_id: '0'.repeat(32) }, viewer)).toMatchObject({
      status: 404,
      body: { error_code: 'RESOURCE_DOES_NOT_EXIST', message: `Run with id=${'0'.repeat(32)} not found` },
    });
    expect(await call('GET', 'runs/get', {}, viewer)).toMatchObject({ status: 400, body: { error_code: 'INVALID_PARAMETER_VALUE' } });
    expect(await call('GET', 'runs/get', { run_id: '../etc' }, viewer)).toMatchObject({ status: 400, body: { error_code: 'INVALID_PARAMETER_VALUE' } });
    expect((await call('POST', 'runs/delete', { run_id: 'a'.repeat(300) })).status).toBe(400);
  });
});
