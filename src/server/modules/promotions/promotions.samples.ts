import type { MutationSamples, SampleContext } from '../../testing/mutation-samples';
import { createModelVersion } from './testing/registry-fixtures';

/** Valid requests for the promotion routes (see src/server/testing/mutation-samples.ts). */
let counter = 0;
const requests = '/api/v1/promotions/requests';

/**
 * A pending production request for a fresh model, made by an engineer so the coverage admin
 * (an approver role, never the requester) may decide it.
 */
async function pendingRequest({ t }: SampleContext): Promise<{ id: string; requester: Record<string, string> }> {
  const name = `sample-promoted-${++counter}`;
  await createModelVersion(t.database.handle.db, { name, version: 1 });
  const requester = (await t.userWithRole('ml-engineer')).headers;
  const created = await t.app.inject({
    method: 'POST', url: requests, headers: requester,
    payload: { kind: 'promote', modelName: name, environment: 'production', version: 1, strategy: 'direct', justification: 'coverage sample' },
  });
  if (created.statusCode !== 201) throw new Error(`sample request failed: ${created.body}`);
  return { id: created.json().request.id, requester };
}

export const promotionsSamples: MutationSamples = {
  [`POST ${requests}`]: async (c) => {
    const name = `sample-promoted-${++counter}`;
    await createModelVersion(c.t.database.handle.db, { name, version: 1 });
    return { method: 'POST', url: requests, headers: c.admin, payload: { kind: 'promote', modelName: name, environment: 'staging', version: 1, strategy: 'direct', justification: 'coverage sample' } };
  },
  [`POST ${requests}/:requestId/approve`]: async (c) => ({ method: 'POST', url: `${requests}/${(await pendingRequest(c)).id}/approve`, headers: c.admin, payload: {} }),
  [`POST ${requests}/:requestId/reject`]: async (c) => ({ method: 'POST', url: `${requests}/${(await pendingRequest(c)).id}/reject`, headers: c.admin, payload: { comment: 'not this week' } }),
  [`POST ${requests}/:requestId/cancel`]: async (c) => ({ method: 'POST', url: `${requests}/${(await pendingRequest(c)).id}/cancel`, headers: c.admin, payload: {} }),
  [`POST ${requests}/:requestId/comments`]: async (c) => ({ method: 'POST', url: `${requests}/${(await pendingRequest(c)).id}/comments`, headers: c.admin, payload: { body: 'looks fine' } }),
  [`POST ${requests}/:requestId/apply`]: async (c) => {
    const { id, requester } = await pendingRequest(c);
    const approved = await c.t.app.inject({ method: 'POST', url: `${requests}/${id}/approve`, headers: c.admin, payload: {} });
    if (approved.statusCode !== 200) throw new Error(`sample approval failed: ${approved.body}`);
    return { method: 'POST', url: `${requests}/${id}/apply`, headers: requester };
  },
};
