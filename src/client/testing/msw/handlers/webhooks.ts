import { createWebhook, deleteWebhook, knownWebhookEvents, listDeliveries, listWebhooks, testWebhook, updateWebhook, type Webhook } from '../../../../shared/contract/webhooks';
import { contractHandler, errorResponse } from '../contract-handler';

let webhooks: Webhook[] = [];

export function mockWebhooks(next: Webhook[] = []) {
  webhooks = next;
}

export const webhooksHandlers = [
  contractHandler(listWebhooks, () => ({ items: webhooks, knownEvents: [...knownWebhookEvents] })),
  contractHandler(createWebhook, ({ body }) => {
    const input = body as { name: string; url: string; events: string[] };
    if (input.url.includes('127.0.0.1')) {
      return errorResponse(400, 'INVALID_PARAMETER_VALUE', `Sextant will not call ${input.url}`, [{ path: 'body.url', message: '127.0.0.1 is a loopback, private or link-local address' }]);
    }
    const webhook: Webhook = { id: String(webhooks.length + 1), ...input, enabled: true, createdBy: 'ada', createdAt: '2026-11-03T10:00:00.000Z', updatedAt: '2026-11-03T10:00:00.000Z' };
    webhooks = [...webhooks, webhook];
    return { webhook, secret: 'whsec_test-secret-shown-once' };
  }),
  contractHandler(updateWebhook, ({ params, body }) => {
    webhooks = webhooks.map((w) => (w.id === params.webhookId ? { ...w, ...(body as Partial<Webhook>) } : w));
    return { webhook: webhooks.find((w) => w.id === params.webhookId)!, secret: null };
  }),
  contractHandler(deleteWebhook, ({ params }) => {
    webhooks = webhooks.filter((w) => w.id !== params.webhookId);
    return {};
  }),
  contractHandler(listDeliveries, () => ({ items: [], nextCursor: null })),
  contractHandler(testWebhook, () => ({})),
];
