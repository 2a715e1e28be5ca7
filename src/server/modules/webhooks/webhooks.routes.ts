import type { FastifyInstance, FastifyRequest } from 'fastify';
import {
  createWebhook as createRoute,
  deleteWebhook as deleteRoute,
  knownWebhookEvents,
  listDeliveries,
  listWebhooks,
  testWebhook,
  updateWebhook as updateRoute,
} from '../../../shared/contract/webhooks';
import { contractRoute } from '../../http/contract-route';
import { principalOf } from '../auth/auth.routes';
import { auditContextFor } from '../auth/principal';
import { listDeliveriesPage } from './outbox.repository';
import { listWebhookRows, toWebhook } from './webhooks.repository';
import { createWebhook, deleteWebhook, outboundPolicyOf, queueTestDelivery, updateWebhook } from './webhooks.service';
import { WebhookWorker } from './webhook-worker';

export async function webhooksRoutes(app: FastifyInstance) {
  const { database } = app.deps;
  const context = (request: FastifyRequest) => auditContextFor(principalOf(request), request);

  contractRoute(app, listWebhooks, 'settings:admin', async () => ({
    items: (await listWebhookRows(database.db)).map(toWebhook),
    knownEvents: [...knownWebhookEvents],
  }));
  contractRoute(app, createRoute, 'settings:admin', ({ body }, request) => createWebhook(app.deps, body, context(request)));
  contractRoute(app, updateRoute, 'settings:admin', ({ params, body }, request) =>
    updateWebhook(app.deps, Number(params.webhookId), body, context(request)),
  );
  contractRoute(app, deleteRoute, 'settings:admin', async ({ params }, request) => {
    await deleteWebhook(database, Number(params.webhookId), context(request));
    return {};
  });
  contractRoute(app, listDeliveries, 'settings:admin', ({ params, query }) =>
    listDeliveriesPage(database.db, Number(params.webhookId), query.cursor ? Number(query.cursor) || null : null, query.limit),
  );
  contractRoute(app, testWebhook, 'settings:admin', async ({ params }, request) => {
    await queueTestDelivery(database, Number(params.webhookId), context(request));
    return {};
  });

  // Delivery runs only in a listening server; tests drive a WebhookWorker themselves.
  const worker = new WebhookWorker(database, { policy: outboundPolicyOf(app.deps.config), serverSecret: app.deps.secret });
  app.addHook('onListen', async () => worker.start((error) => app.log.error({ err: error }, 'webhook delivery failed')));
  app.addHook('onClose', async () => worker.stop());
}
