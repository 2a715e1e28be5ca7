import MLflow from 'mlflow';
import { RunStatus, ViewType } from 'mlflow/enum';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { buildTestApp, type TestApp } from '../testing/build-test-app';
import { listen } from '../testing/raw-http';

/**
 * The third-party npm client `mlflow` (2.0.7) against a listening server over real HTTP, for
 * everything it supports: experiments (incl. its legacy `experiments/list` and the mis-typed
 * `experimentsset-experiment-tag` path), runs, params, metrics, tags, batches, metric history
 * and artifact listing.
 */
let t: TestApp;
let client: MLflow;
let viewerClient: MLflow;

beforeAll(async () => {
  t = await buildTestApp();
  const { port } = await listen(t.app);
  const endpoint = `http://127.0.0.1:${port}`;
  client = new MLflow({ endpoint, headers: (await t.userWithRole('data-scientist', 'node-user')).headers });
  viewerClient = new MLflow({ endpoint, headers: (await t.userWithRole('viewer')).headers });
  // The client console.logs every POST body.
  vi.spyOn(console, 'log').mockImplementation(() => undefined);
});
afterAll(async () => {
  vi.restoreAllMocks();
  await t.close();
});

/** The client's typings require artifact_location; MLflow does not (the server picks one). */
const createExperiment = (on: MLflow, name: string) => on.Experiments.create({ name } as { name: string; artifact_location: string });

/** The client throws Error(JSON.stringify({status, statusText, data})) on any non-200. */
async function failure(promise: Promise<unknown>): Promise<{ status: number; data: { error_code: string; message: string } }> {
  const error = await promise.then(
    () => undefined,
    (thrown: Error) => thrown,
  );
  if (!error) throw new Error('expected the call to fail');
  return JSON.parse(error.message.replace(/^Error: /, ''));
}

describe('the npm mlflow client', () => {
  it('manages experiments, including the legacy list call and its tag path', async () => {
    const { experiment_id: id } = await createExperiment(client, 'node-experiment');
    expect(id).toMatch(/^\d+$/);
    expect((await client.Experiments.get({ experiment_id: id })).experiment).toMatchObject({ name: 'node-experiment', lifecycle_stage: 'active' });
    await client.Experiments.setExperimentTag({ experiment_id: id, key: 'team', value: 'node' });
    await client.Experiments.update({ experiment_id: id, new_name: 'node-experiment-2' });
    const listed = await client.Experiments.list();
    expect(listed.experiments.find((e: { experiment_id: string }) => e.experiment_id === id)).toMatchObject({ name: 'node-experiment-2', tags: [{ key: 'team', value: 'node' }] });

    await client.Experiments.delete({ experiment_id: id });
    expect((await client.Experiments.list({ view_type: ViewType.DELETED_ONLY })).experiments.map((e: { name: string }) => e.name)).toEqual(['node-experiment-2']);
    expect((await client.Experiments.list({ view_type: ViewType.ACTIVE_ONLY })).experiments.map((e: { name: string }) => e.name)).not.toContain('node-experiment-2');
    await client.Experiments.restore({ experiment_id: id });
    expect((await client.Experiments.get({ experiment_id: id })).experiment.lifecycle_stage).toBe('active');

    expect(await failure(createExperiment(client, 'node-experiment-2'))).toMatchObject({ status: 400, data: { error_code: 'RESOURCE_ALREADY_EXISTS' } });
    expect(await failure(client.Experiments.get({ experiment_id: '99999' }))).toMatchObject({ status: 404, data: { error_code: 'RESOURCE_DOES_NOT_EXIST' } });
    expect(await failure(createExperiment(viewerClient, 'viewer'))).toMatchObject({ status: 403, data: { error_code: 'PERMISSION_DENIED' } });
  });

  it('logs a run with params, metrics, tags and batches, and reads it back', async () => {
    const { experiment_id: experimentId } = await createExperiment(client, 'node-runs');
    const start = Date.now();
    const { run } = await client.Runs.create({ experiment_id: experimentId, user_id: 'node-user', start_time: start, tags: [{ key: 'source', value: 'npm' }] });
    const runId: string = run.info.run_id;
    expect(run.info).toMatchObject({ experiment_id: experimentId, user_id: 'node-user', status: 'RUNNING', start_time: start });

    await client.Runs.logParameter({ run_id: runId, key: 'lr', value: '0.01' });
    for (let step = 0; step < 5; step++) await client.Runs.logMetric({ run_id: runId, key: 'loss', value: 1 / (step + 1), timestamp: start + step, step });
    await client.Runs.setTag({ run_id: runId, key: 'stage', value: 'dev' });
    await client.Runs.logBatch({
      run_id: runId,
      metrics: [{ key: 'acc', value: 0.9, timestamp: start, step: 4 }],
      params: [{ key: 'depth', value: '6' }],
      tags: [{ key: 'temp', value: 'x' }],
    });
    await client.Runs.deleteTag({ run_id: runId, key: 'temp' });
    const finished = await client.Runs.update({ run_id: runId, status: RunStatus.FINISHED, end_time: start + 10 });
    expect(finished.run_info).toMatchObject({ status: RunStatus.FINISHED, end_time: start + 10 });

    const fetched = (await viewerClient.Runs.get({ run_id: runId })).run;
    expect(fetched.data.params).toEqual([
      { key: 'depth', value: '6' },
      { key: 'lr', value: '0.01' },
    ]);
    expect(fetched.data.metrics).toEqual([
      { key: 'acc', value: 0.9, timestamp: start, step: 4 },
      { key: 'loss', value: 0.2, timestamp: start + 4, step: 4 },
    ]);
    const tags = Object.fromEntries(fetched.data.tags.map((tag: { key: string; value: string }) => [tag.key, tag.value]));
    expect(tags).toMatchObject({ source: 'npm', stage: 'dev' });
    expect(tags).not.toHaveProperty('temp');

    const history = await viewerClient.Metrics.getHistory({ run_id: runId, metric_key: 'loss' });
    expect(history.metrics.map((m: { step: number; value: number }) => [m.step, m.value])).toEqual([
      [0, 1],
      [1, 0.5],
      [2, 1 / 3],
      [3, 0.25],
      [4, 0.2],
    ]);

    expect(await failure(client.Runs.logParameter({ run_id: runId, key: 'lr', value: '0.02' }))).toMatchObject({ status: 400, data: { error_code: 'INVALID_PARAMETER_VALUE' } });
    await client.Runs.delete({ run_id: runId });
    expect(await failure(client.Runs.logMetric({ run_id: runId, key: 'loss', value: 0, timestamp: start, step: 9 }))).toMatchObject({ status: 400 });
    await client.Runs.restore({ run_id: runId });
    expect((await client.Runs.get({ run_id: runId })).run.info.lifecycle_stage).toBe('active');
    expect(await failure(client.Runs.get({ run_id: '0'.repeat(32) }))).toMatchObject({ status: 404, data: { error_code: 'RESOURCE_DOES_NOT_EXIST' } });
  });

  it('lists a run’s artifacts', async () => {
    const { experiment_id: experimentId } = await createExperiment(client, 'node-artifacts');
    const { run } = await client.Runs.create({ experiment_id: experimentId, user_id: 'node-user', start_time: Date.now(), tags: [] });
    const path = (run.info.artifact_uri as string).replace('mlflow-artifacts:/', '');
    const headers = (await t.userWithRole('data-scientist')).headers;
    await t.request({ method: 'PUT', url: `/api/2.0/mlflow-artifacts/artifacts/${path}/model/MLmodel`, headers: { ...headers, 'content-type': 'text/plain' }, payload: 'flavors: {}' });
    const listed = await client.Artifacts.list({ run_id: run.info.run_id, path: 'model' });
    expect(listed).toEqual({ root_uri: run.info.artifact_uri, files: [{ path: 'model/MLmodel', is_dir: false, file_size: 11 }] });
  });

  it('searches runs', async () => {
    const { experiment_id: experimentId } = await createExperiment(client, 'node-search');
    for (const lr of ['0.1', '0.2']) {
      const { run } = await client.Runs.create({ experiment_id: experimentId, user_id: 'node-user', start_time: Date.now(), tags: [] });
      await client.Runs.logParameter({ run_id: run.info.run_id, key: 'lr', value: lr });
    }
    const found = await client.Runs.search({ experiment_ids: [experimentId], filter: "params.lr = '0.2'", run_view_type: ViewType.ACTIVE_ONLY, max_results: 10, order_by: [] });
    expect(found.runs.map((r: { data: { params: unknown[] } }) => r.data.params)).toEqual([[{ key: 'lr', value: '0.2' }]]);
  });
});
