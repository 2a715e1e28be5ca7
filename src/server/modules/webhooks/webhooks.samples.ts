import type { MutationSamples, SampleContext } from '../../testing/mutation-samples';

/** Valid requests for the webhook routes (see src/server/testing/mutation-samples.ts). */
let counter = 0;
// A public address literal: creation validates the URL without a DNS lookup, and nothing is delivered in tests.
const hook = () => ({ name: `sample-hook-${++counter}`, url: 'https://93.184.215.14/hooks', events: ['promotion.*'], enabled: true });

async function created({ t, admin }: SampleContext): Promise<string> {
  const response = await t.app.inject({ method: 'POST', url: '/api/v1/webhooks', headers: admin, payload: hook() });
  if (response.statusCode !== 201) throw new Error(`sample webhook failed: ${response.body}`);
  return response.json().webhook.id;
}

export const webhooksSamples: MutationSamples = {
  'POST /api/v1/webhooks': async ({ admin }) => ({ method: 'POST', url: '/api/v1/webhooks', headers: admin, payload: hook() }),
  'PATCH /api/v1/webhooks/:webhookId': async (c) => ({ method: 'PATCH', url: `/api/v1/webhooks/${await created(c)}`, headers: c.admin, payload: { enabled: false } }),
  'DELETE /api/v1/webhooks/:webhookId': async (c) => ({ method: 'DELETE', url: `/api/v1/webhooks/${await created(c)}`, headers: c.admin }),
  'POST /api/v1/webhooks/:webhookId/test': async (c) => ({ method: 'POST', url: `/api/v1/webhooks/${await created(c)}/test`, headers: c.admin }),
};
