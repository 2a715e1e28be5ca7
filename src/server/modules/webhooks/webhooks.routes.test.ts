import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inTransaction } from '../../db/transaction';
import { buildTestApp, type TestApp } from '../../testing/build-test-app';
import { enqueueWebhookEvent } from './outbox';
import { backoffMs, WebhookWorker } from './webhook-worker';
import { verifySignature } from './webhook-signature';

interface Received {
  headers: IncomingHttpHeaders;
  body: string;
}

/** A local receiver that answers the queued statuses in order (then 200). */
async function startReceiver(statuses: number[]) {
  const received: Received[] = [];
  const server: Server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
    request.on('end', () => {
      received.push({ headers: request.headers, body });
      response.statusCode = statuses.shift() ?? 200;
      response.end('ok');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks`;
  return { url, received, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

describe('webhook configuration is SSRF-safe by default', () => {
  let t: TestApp;
  let admin: Awaited<ReturnType<TestApp['userWithRole']>>;
  beforeAll(async () => {
    t = await buildTestApp();
    admin = await t.userWithRole('admin');
  });
  afterAll(() => t.close());

  it.each(['http://127.0.0.1:8080/hook', 'http://169.254.169.254/latest/meta-data', 'http://localhost/hook', 'http://[::1]/x'])(
    'refuses %s with 400 and creates nothing',
    async (url) => {
      const response = await t.request<{ error: { message: string } }>({
        method: 'POST', url: '/api/v1/webhooks', headers: admin.headers, payload: { name: 'bad', url, events: [], enabled: true },
      });
      expect(response.status).toBe(400);
      expect(response.body.error.message).toMatch(/will not call/);
      expect(await t.database.handle.db.selectFrom('webhooks').selectAll().execute()).toHaveLength(0);
    },
  );

  it('returns the secret once, stores it encrypted, and audits without it', async () => {
    const created = await t.request<{ webhook: { id: string }; secret: string }>({
      method: 'POST', url: '/api/v1/webhooks', headers: admin.headers,
      payload: { name: 'ci', url: 'https://93.184.215.14/hooks', events: ['promotion.*'], enabled: true },
    });
    expect(created.status).toBe(201);
    expect(created.body.secret).toMatch(/^whsec_/);
    const list = await t.request<{ items: unknown[] }>({ method: 'GET', url: '/api/v1/webhooks', headers: admin.headers });
    expect(JSON.stringify(list.body)).not.toContain(created.body.secret);
    const stored = await t.database.handle.db.selectFrom('webhooks').select('secret_ciphertext').executeTakeFirstOrThrow();
    expect(stored.secret_ciphertext).not.toContain(created.body.secret);
    const audit = await t.database.handle.db.selectFrom('audit_events').select(['action', 'after_json']).where('entity_type', '=', 'webhook').execute();
    expect(audit.map((a) => a.action)).toEqual(['webhook.created']);
    expect(audit[0]?.after_json).not.toContain('whsec_');
  });

  it('refuses non-admins', async () => {
    const engineer = await t.userWithRole('ml-engineer');
    const response = await t.request({ method: 'GET', url: '/api/v1/webhooks', headers: engineer.headers });
    expect(response.status).toBe(403);
  });
});

describe('outbox delivery with retries, backoff and signatures', () => {
  let t: TestApp;
  let admin: Awaited<ReturnType<TestApp['userWithRole']>>;
  beforeAll(async () => {
    t = await buildTestApp({ SEXTANT_WEBHOOK_ALLOW_PRIVATE: 'true' });
    admin = await t.userWithRole('admin');
  });
  afterAll(() => t.close());

  it('retries with exponential backoff until the receiver accepts, then logs every attempt', async () => {
    const receiver = await startReceiver([500, 503]);
    try {
      const created = await t.request<{ webhook: { id: string }; secret: string }>({
        method: 'POST', url: '/api/v1/webhooks', headers: admin.headers,
        payload: { name: 'local', url: receiver.url, events: ['deployment.*'], enabled: true },
      });
      expect(created.status).toBe(201);
      await inTransaction(t.database.handle, async (tx) => {
        await enqueueWebhookEvent(tx, { type: 'deployment.changed', payload: { modelName: 'churn', stableVersion: 2 } });
        await enqueueWebhookEvent(tx, { type: 'promotion.request.created', payload: {} }); // filtered out
      });

      const base = 1000;
      const worker = new WebhookWorker(t.database.handle, {
        policy: { allowedHosts: [], allowPrivate: true }, serverSecret: t.app.deps.secret, baseBackoffMs: base, maxAttempts: 5,
      });
      const start = Date.now();
      expect(await worker.runOnce(start)).toMatchObject({ attempted: 1, retrying: 1 });
      expect(await worker.runOnce(start + base - 1)).toMatchObject({ attempted: 0 }); // not due yet
      expect(await worker.runOnce(start + base)).toMatchObject({ attempted: 1, retrying: 1 });
      expect(await worker.runOnce(start + base + 2 * base - 1)).toMatchObject({ attempted: 0 });
      const last = start + 3 * base;
      expect(await worker.runOnce(last)).toMatchObject({ attempted: 1, delivered: 1 });
      expect(await worker.runOnce(last + 10 * base)).toMatchObject({ attempted: 0 });

      expect(receiver.received).toHaveLength(3);
      const delivery = receiver.received[2] as Received;
      const signed = { timestamp: delivery.headers['x-sextant-timestamp'] as string, signature: delivery.headers['x-sextant-signature'] as string };
      expect(verifySignature(created.body.secret, signed, delivery.body, { nowMs: last })).toBe(true);
      expect(verifySignature(created.body.secret, signed, `${delivery.body} `, { nowMs: last })).toBe(false);
      expect(verifySignature('whsec_wrong', signed, delivery.body, { nowMs: last })).toBe(false);
      expect(verifySignature(created.body.secret, signed, delivery.body, { nowMs: last + 3_600_000 })).toBe(false); // replayed late
      expect(JSON.parse(delivery.body)).toMatchObject({ type: 'deployment.changed', data: { modelName: 'churn', stableVersion: 2 } });
      expect(delivery.headers['x-sextant-event']).toBe('deployment.changed');

      const log = await t.request<{ items: Array<{ status: string; attempts: number; log: Array<{ statusCode: number }> }> }>({
        method: 'GET', url: `/api/v1/webhooks/${created.body.webhook.id}/deliveries`, headers: admin.headers,
      });
      expect(log.body.items).toHaveLength(1);
      expect(log.body.items[0]).toMatchObject({ status: 'delivered', attempts: 3 });
      expect(log.body.items[0]?.log.map((a) => a.statusCode)).toEqual([500, 503, 200]);
    } finally {
      await receiver.close();
    }
  });

  it('gives up after the last attempt and re-checks the address at delivery time', async () => {
    const created = await t.request<{ webhook: { id: string } }>({
      method: 'POST', url: '/api/v1/webhooks', headers: admin.headers,
      payload: { name: 'moved', url: 'http://127.0.0.1:9/hook', events: ['webhook.test'], enabled: true },
    });
    await t.request({ method: 'POST', url: `/api/v1/webhooks/${created.body.webhook.id}/test`, headers: admin.headers });
    // The server's configuration tightened since the webhook was added: delivery is refused.
    const strict = new WebhookWorker(t.database.handle, { policy: { allowedHosts: [], allowPrivate: false }, serverSecret: t.app.deps.secret, baseBackoffMs: 1, maxAttempts: 2 });
    const now = Date.now();
    expect(await strict.runOnce(now)).toMatchObject({ attempted: 1, retrying: 1 });
    expect(await strict.runOnce(now + 10)).toMatchObject({ attempted: 1, failed: 1 });
    const log = await t.request<{ items: Array<{ status: string; lastError: string }> }>({
      method: 'GET', url: `/api/v1/webhooks/${created.body.webhook.id}/deliveries`, headers: admin.headers,
    });
    expect(log.body.items[0]).toMatchObject({ status: 'failed', lastError: expect.stringMatching(/loopback/) });
  });

  it('doubles the delay each retry up to the cap', () => {
    expect([1, 2, 3, 4, 10].map((n) => backoffMs(n, 10_000, 300_000))).toEqual([10_000, 20_000, 40_000, 80_000, 300_000]);
  });
});
