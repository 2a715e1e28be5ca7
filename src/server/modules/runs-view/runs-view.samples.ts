import type { MutationSamples, SampleContext } from '../../testing/mutation-samples';

/** Valid requests for the experiments page's native writes (see src/server/testing/mutation-samples.ts). */
let counter = 0;

async function experiment({ t, admin }: SampleContext, deleted = false): Promise<string> {
  const created = await t.request<{ experimentId: string }>({ method: 'POST', url: '/api/v1/experiments', headers: admin, payload: { name: `dashboard-experiment-${++counter}` } });
  if (deleted) await t.request({ method: 'DELETE', url: `/api/v1/experiments/${created.body.experimentId}`, headers: admin });
  return created.body.experimentId;
}

export const runsViewSamples: MutationSamples = {
  'POST /api/v1/experiments': async ({ admin }) => ({ method: 'POST', url: '/api/v1/experiments', headers: admin, payload: { name: `dashboard-new-${++counter}`, description: 'Why' } }),
  'PATCH /api/v1/experiments/:experimentId': async (c) => ({ method: 'PATCH', url: `/api/v1/experiments/${await experiment(c)}`, headers: c.admin, payload: { description: 'Notes' } }),
  'DELETE /api/v1/experiments/:experimentId': async (c) => ({ method: 'DELETE', url: `/api/v1/experiments/${await experiment(c)}`, headers: c.admin }),
  'POST /api/v1/experiments/:experimentId/restore': async (c) => ({ method: 'POST', url: `/api/v1/experiments/${await experiment(c, true)}/restore`, headers: c.admin }),
};
