import type { MutationSamples } from '../../testing/mutation-samples';

/** Valid requests for the audit module's mutating routes (see src/server/testing/mutation-samples.ts). */
export const auditSamples: MutationSamples = {
  'PUT /api/v1/audit/retention': async ({ admin }) => ({ method: 'PUT', url: '/api/v1/audit/retention', headers: admin, payload: { retentionDays: 400 } }),
  'POST /api/v1/audit/retention/apply': async ({ t, admin }) => {
    await t.app.inject({ method: 'PUT', url: '/api/v1/audit/retention', headers: admin, payload: { retentionDays: 400 } });
    return { method: 'POST', url: '/api/v1/audit/retention/apply', headers: admin, payload: { justification: 'scheduled clean-up' } };
  },
};
