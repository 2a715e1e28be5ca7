import { insertExperiment, insertRun } from '../../testing/mlflow-fixtures';
import type { MutationSamples, SampleContext } from '../../testing/mutation-samples';

/** Valid requests for the tracking routes (see src/server/testing/mutation-samples.ts). */
let counter = 0;
const url = (path: string) => `/api/2.0/mlflow/${path}`;
const post = (c: SampleContext, path: string, payload: Record<string, unknown>) => ({ method: 'POST' as const, url: url(path), headers: c.admin, payload });

async function experiment(c: SampleContext, options: { deleted?: boolean; tag?: boolean } = {}): Promise<string> {
  const id = await insertExperiment(c.t.database.handle.db, `sample-experiment-${++counter}`);
  if (options.tag) await c.t.app.inject(post(c, 'experiments/set-experiment-tag', { experiment_id: id, key: 'team', value: 'ml' }));
  if (options.deleted) await c.t.app.inject(post(c, 'experiments/delete', { experiment_id: id }));
  return id;
}

async function run(c: SampleContext, options: { deleted?: boolean; tag?: boolean } = {}): Promise<string> {
  const { runId } = await insertRun(c.t.database.handle.db, await experiment(c));
  if (options.tag) await c.t.app.inject(post(c, 'runs/set-tag', { run_id: runId, key: 'team', value: 'ml' }));
  if (options.deleted) await c.t.app.inject(post(c, 'runs/delete', { run_id: runId }));
  return runId;
}

async function loggedModel(c: SampleContext): Promise<string> {
  const created = await c.t.app.inject(post(c, 'logged-models', { experiment_id: await experiment(c) }));
  return created.json().model.info.model_id as string;
}

export const trackingSamples: MutationSamples = {
  'POST /api/2.0/mlflow/experiments/create': async (c) => post(c, 'experiments/create', { name: `sample-new-${++counter}` }),
  'POST /api/2.0/mlflow/experiments/update': async (c) => post(c, 'experiments/update', { experiment_id: await experiment(c), new_name: `renamed-${++counter}` }),
  'POST /api/2.0/mlflow/experiments/delete': async (c) => post(c, 'experiments/delete', { experiment_id: await experiment(c) }),
  'POST /api/2.0/mlflow/experiments/restore': async (c) => post(c, 'experiments/restore', { experiment_id: await experiment(c, { deleted: true }) }),
  'POST /api/2.0/mlflow/experiments/set-experiment-tag': async (c) => post(c, 'experiments/set-experiment-tag', { experiment_id: await experiment(c), key: 'k', value: 'v' }),
  'POST /api/2.0/mlflow/experimentsset-experiment-tag': async (c) => post(c, 'experimentsset-experiment-tag', { experiment_id: await experiment(c), key: 'k', value: 'v' }),
  'POST /api/2.0/mlflow/experiments/delete-experiment-tag': async (c) =>
    post(c, 'experiments/delete-experiment-tag', { experiment_id: await experiment(c, { tag: true }), key: 'team' }),
  'POST /api/2.0/mlflow/runs/create': async (c) => post(c, 'runs/create', { experiment_id: await experiment(c), start_time: Date.now() }),
  'POST /api/2.0/mlflow/runs/update': async (c) => post(c, 'runs/update', { run_id: await run(c), status: 'FINISHED', end_time: Date.now() }),
  'POST /api/2.0/mlflow/runs/delete': async (c) => post(c, 'runs/delete', { run_id: await run(c) }),
  'POST /api/2.0/mlflow/runs/restore': async (c) => post(c, 'runs/restore', { run_id: await run(c, { deleted: true }) }),
  'POST /api/2.0/mlflow/runs/set-tag': async (c) => post(c, 'runs/set-tag', { run_id: await run(c), key: 'k', value: 'v' }),
  'POST /api/2.0/mlflow/runs/delete-tag': async (c) => post(c, 'runs/delete-tag', { run_id: await run(c, { tag: true }), key: 'team' }),
  'POST /api/2.0/mlflow/runs/log-parameter': async (c) => post(c, 'runs/log-parameter', { run_id: await run(c), key: 'alpha', value: '0.5' }),
  // Metric values are exempt (telemetry), but a batch carrying params or tags is audited.
  'POST /api/2.0/mlflow/runs/log-batch': async (c) =>
    post(c, 'runs/log-batch', { run_id: await run(c), params: [{ key: 'alpha', value: '0.5' }], metrics: [{ key: 'rmse', value: 0.4, timestamp: Date.now(), step: 1 }] }),
  'POST /api/2.0/mlflow/runs/log-model': async (c) => {
    const runId = await run(c);
    const model = { run_id: runId, artifact_path: 'model', utc_time_created: '2026-11-28 04:00:00.000000', flavors: { python_function: {} } };
    return post(c, 'runs/log-model', { run_id: runId, model_json: JSON.stringify(model) });
  },
  'POST /api/2.0/mlflow/runs/log-inputs': async (c) =>
    post(c, 'runs/log-inputs', {
      run_id: await run(c),
      datasets: [{ tags: [{ key: 'mlflow.data.context', value: 'training' }], dataset: { name: 'wine', digest: 'abc123', source_type: 'local', source: '{"uri": "wine.csv"}' } }],
    }),
  'POST /api/2.0/mlflow/runs/outputs': async (c) => post(c, 'runs/outputs', { run_id: await run(c), models: [{ model_id: await loggedModel(c), step: 0 }] }),
};
