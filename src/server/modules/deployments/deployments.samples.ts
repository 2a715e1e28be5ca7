import type { MutationSamples } from '../../testing/mutation-samples';

/** Valid requests for the environment routes (see src/server/testing/mutation-samples.ts). */
let counter = 0;
const environment = () => ({ name: `sample-env-${++counter}`, order: 40, protected: false, ownedAliases: [], description: 'coverage sample' });

export const deploymentsSamples: MutationSamples = {
  'POST /api/v1/environments': async ({ admin }) => ({ method: 'POST', url: '/api/v1/environments', headers: admin, payload: environment() }),
  'PATCH /api/v1/environments/:environment': async ({ t, admin }) => {
    const created = environment();
    await t.app.inject({ method: 'POST', url: '/api/v1/environments', headers: admin, payload: created });
    return { method: 'PATCH', url: `/api/v1/environments/${created.name}`, headers: admin, payload: { description: 'changed' } };
  },
};
