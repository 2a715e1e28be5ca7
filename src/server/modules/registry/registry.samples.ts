import { insertExperiment, insertRun } from '../../testing/mlflow-fixtures';
import type { MutationSamples, SampleContext } from '../../testing/mutation-samples';

/** Valid requests for the registry's mutating MLflow routes (see src/server/testing/mutation-samples.ts). */
let counter = 0;
const url = (path: string) => `/api/2.0/mlflow/${path}`;

async function model({ t, admin }: SampleContext, options: { version?: boolean; tag?: boolean; alias?: boolean } = {}) {
  const name = `sample-model-${++counter}`;
  const call = (method: 'POST' | 'PATCH', path: string, payload: Record<string, unknown>) => t.app.inject({ method, url: url(path), headers: admin, payload });
  await call('POST', 'registered-models/create', { name });
  if (options.version || options.alias) {
    const run = await insertRun(t.database.handle.db, await insertExperiment(t.database.handle.db));
    await call('POST', 'model-versions/create', { name, source: `runs:/${run.runId}/model` });
  }
  if (options.tag) {
    await call('POST', 'registered-models/set-tag', { name, key: 'team', value: 'risk' });
    if (options.version) await call('POST', 'model-versions/set-tag', { name, version: '1', key: 'team', value: 'risk' });
  }
  if (options.alias) await call('POST', 'registered-models/alias', { name, alias: 'champion', version: '1' });
  return name;
}

export const registrySamples: MutationSamples = {
  'POST /api/2.0/mlflow/registered-models/create': async ({ admin }) => ({ method: 'POST', url: url('registered-models/create'), headers: admin, payload: { name: `sample-new-${++counter}` } }),
  'POST /api/2.0/mlflow/registered-models/rename': async (c) => ({ method: 'POST', url: url('registered-models/rename'), headers: c.admin, payload: { name: await model(c), new_name: `renamed-${++counter}` } }),
  'PATCH /api/2.0/mlflow/registered-models/update': async (c) => ({ method: 'PATCH', url: url('registered-models/update'), headers: c.admin, payload: { name: await model(c), description: 'x' } }),
  'DELETE /api/2.0/mlflow/registered-models/delete': async (c) => ({ method: 'DELETE', url: url('registered-models/delete'), headers: c.admin, payload: { name: await model(c) } }),
  'POST /api/2.0/mlflow/registered-models/set-tag': async (c) => ({ method: 'POST', url: url('registered-models/set-tag'), headers: c.admin, payload: { name: await model(c), key: 'k', value: 'v' } }),
  'DELETE /api/2.0/mlflow/registered-models/delete-tag': async (c) => ({ method: 'DELETE', url: url('registered-models/delete-tag'), headers: c.admin, payload: { name: await model(c, { tag: true }), key: 'team' } }),
  'POST /api/2.0/mlflow/registered-models/alias': async (c) => ({ method: 'POST', url: url('registered-models/alias'), headers: c.admin, payload: { name: await model(c, { version: true }), alias: 'champion', version: '1' } }),
  'DELETE /api/2.0/mlflow/registered-models/alias': async (c) => ({ method: 'DELETE', url: url('registered-models/alias'), headers: c.admin, payload: { name: await model(c, { alias: true }), alias: 'champion' } }),
  'POST /api/2.0/mlflow/model-versions/create': async (c) => {
    const run = await insertRun(c.t.database.handle.db, await insertExperiment(c.t.database.handle.db));
    return { method: 'POST', url: url('model-versions/create'), headers: c.admin, payload: { name: await model(c), source: `runs:/${run.runId}/model` } };
  },
  'PATCH /api/2.0/mlflow/model-versions/update': async (c) => ({ method: 'PATCH', url: url('model-versions/update'), headers: c.admin, payload: { name: await model(c, { version: true }), version: '1', description: 'x' } }),
  'DELETE /api/2.0/mlflow/model-versions/delete': async (c) => ({ method: 'DELETE', url: url('model-versions/delete'), headers: c.admin, payload: { name: await model(c, { version: true }), version: '1' } }),
  'POST /api/2.0/mlflow/model-versions/set-tag': async (c) => ({ method: 'POST', url: url('model-versions/set-tag'), headers: c.admin, payload: { name: await model(c, { version: true }), version: '1', key: 'k', value: 'v' } }),
  'DELETE /api/2.0/mlflow/model-versions/delete-tag': async (c) => ({ method: 'DELETE', url: url('model-versions/delete-tag'), headers: c.admin, payload: { name: await model(c, { version: true, tag: true }), version: '1', key: 'team' } }),
  'POST /api/2.0/mlflow/model-versions/transition-stage': async (c) => ({
    method: 'POST',
    url: url('model-versions/transition-stage'),
    headers: c.admin,
    payload: { name: await model(c, { version: true }), version: '1', stage: 'Staging', archive_existing_versions: false },
  }),
};
