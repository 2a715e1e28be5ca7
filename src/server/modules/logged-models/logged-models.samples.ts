import { insertExperiment } from '../../testing/mlflow-fixtures';
import type { MutationSamples, SampleContext } from '../../testing/mutation-samples';

/** Valid requests for the logged-models routes (see src/server/testing/mutation-samples.ts). */
const url = (path: string) => `/api/2.0/mlflow/${path}`;

async function loggedModel({ t, admin }: SampleContext, tags = false): Promise<string> {
  const experimentId = await insertExperiment(t.database.handle.db);
  const created = await t.app.inject({ method: 'POST', url: url('logged-models'), headers: admin, payload: { experiment_id: experimentId, name: 'sample' } });
  const id = created.json().model.info.model_id as string;
  if (tags) await t.app.inject({ method: 'PATCH', url: url(`logged-models/${id}/tags`), headers: admin, payload: { tags: [{ key: 'team', value: 'ml' }] } });
  return id;
}

export const loggedModelsSamples: MutationSamples = {
  'POST /api/2.0/mlflow/logged-models': async ({ t, admin }) => ({
    method: 'POST',
    url: url('logged-models'),
    headers: admin,
    payload: { experiment_id: await insertExperiment(t.database.handle.db), name: 'sample' },
  }),
  'PATCH /api/2.0/mlflow/logged-models/:model_id': async (c) => {
    const id = await loggedModel(c);
    return { method: 'PATCH', url: url(`logged-models/${id}`), headers: c.admin, payload: { model_id: id, status: 'LOGGED_MODEL_READY' } };
  },
  'DELETE /api/2.0/mlflow/logged-models/:model_id': async (c) => ({ method: 'DELETE', url: url(`logged-models/${await loggedModel(c)}`), headers: c.admin }),
  'PATCH /api/2.0/mlflow/logged-models/:model_id/tags': async (c) => ({
    method: 'PATCH',
    url: url(`logged-models/${await loggedModel(c)}/tags`),
    headers: c.admin,
    payload: { tags: [{ key: 'k', value: 'v' }] },
  }),
  'DELETE /api/2.0/mlflow/logged-models/:model_id/tags/*': async (c) => ({ method: 'DELETE', url: url(`logged-models/${await loggedModel(c, true)}/tags/team`), headers: c.admin }),
  'POST /api/2.0/mlflow/logged-models/:model_id/params': async (c) => ({
    method: 'POST',
    url: url(`logged-models/${await loggedModel(c)}/params`),
    headers: c.admin,
    payload: { params: [{ key: 'a', value: '1' }] },
  }),
};
