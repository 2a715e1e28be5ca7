import { z } from 'zod';
import { defineRoute, emptyResponseSchema, isoDateTime, pageOf, pageQuerySchema } from './common';

/** Events Sextant sends today; a webhook filter may also name a prefix (`monitoring.*`). */
export const knownWebhookEvents = [
  'promotion.request.created',
  'promotion.request.approved',
  'promotion.request.rejected',
  'promotion.request.cancelled',
  'promotion.request.expired',
  'promotion.request.applied',
  'promotion.request.failed',
  'deployment.changed',
  'canary.stepped',
  'canary.promoted',
  'canary.aborted',
  'rollback.applied',
  'rollback.break-glass',
  'monitoring.alert.opened',
  'monitoring.alert.resolved',
  'webhook.test',
] as const;

/** An event type, or a prefix pattern such as `promotion.*`. */
export const eventFilterSchema = z
  .string()
  .trim()
  .regex(/^[a-z][a-z0-9-]*(\.[a-z0-9-]+)*(\.\*)?$|^\*$/, 'Use an event type such as deployment.changed, or a pattern such as promotion.*');

export const webhookSchema = z.object({
  id: z.string(),
  name: z.string(),
  url: z.string(),
  /** Empty means every event. */
  events: z.array(z.string()),
  enabled: z.boolean(),
  createdBy: z.string(),
  createdAt: isoDateTime,
  updatedAt: isoDateTime,
});
export type Webhook = z.infer<typeof webhookSchema>;

export const deliverySchema = z.object({
  id: z.string(),
  eventId: z.string(),
  eventType: z.string(),
  status: z.enum(['pending', 'delivered', 'failed']),
  attempts: z.number().int(),
  nextAttemptAt: isoDateTime.nullable(),
  lastStatusCode: z.number().int().nullable(),
  lastError: z.string().nullable(),
  createdAt: isoDateTime,
  deliveredAt: isoDateTime.nullable(),
  log: z.array(z.object({ attemptedAt: isoDateTime, statusCode: z.number().int().nullable(), error: z.string().nullable(), durationMs: z.number().int() })),
});
export type Delivery = z.infer<typeof deliverySchema>;

const webhookParams = z.object({ webhookId: z.string().regex(/^\d+$/, 'Webhook ids are numbers') });
const fields = {
  name: z.string().trim().min(1, 'Give the webhook a name').max(100),
  url: z.url({ protocol: /^https?$/, error: 'Use an http(s) URL' }).max(2000),
  events: z.array(eventFilterSchema).max(50),
  enabled: z.boolean(),
};

export const listWebhooks = defineRoute({
  method: 'GET',
  path: '/api/v1/webhooks',
  summary: 'Configured webhooks (admin); secrets are never returned',
  response: z.object({ items: z.array(webhookSchema), knownEvents: z.array(z.string()) }),
});

export const createWebhook = defineRoute({
  method: 'POST',
  path: '/api/v1/webhooks',
  summary: 'Add a webhook; its signing secret is returned once (admin)',
  body: z.object(fields),
  response: z.object({ webhook: webhookSchema, secret: z.string() }),
  status: 201,
});

export const updateWebhook = defineRoute({
  method: 'PATCH',
  path: '/api/v1/webhooks/:webhookId',
  summary: 'Change a webhook, or rotate its secret (returned once) (admin)',
  params: webhookParams,
  body: z.object({ ...fields, rotateSecret: z.boolean() }).partial(),
  response: z.object({ webhook: webhookSchema, secret: z.string().nullable() }),
});

export const deleteWebhook = defineRoute({
  method: 'DELETE',
  path: '/api/v1/webhooks/:webhookId',
  summary: 'Remove a webhook and its delivery log (admin)',
  params: webhookParams,
  response: emptyResponseSchema,
});

export const listDeliveries = defineRoute({
  method: 'GET',
  path: '/api/v1/webhooks/:webhookId/deliveries',
  summary: 'The delivery log of a webhook, newest first (admin)',
  params: webhookParams,
  query: pageQuerySchema,
  response: pageOf(deliverySchema),
});

export const testWebhook = defineRoute({
  method: 'POST',
  path: '/api/v1/webhooks/:webhookId/test',
  summary: 'Queue a `webhook.test` delivery to this webhook (admin)',
  params: webhookParams,
  response: emptyResponseSchema,
  status: 202,
});
