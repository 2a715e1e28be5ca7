import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../testing/build-test-app';
import { verifySignature } from '../webhooks/webhook-signature';
import { WebhookWorker } from '../webhooks/webhook-worker';
import { evaluateAlerts } from './alerts.service';
import { driftStatistics } from './drift-statistics';
import { seedDeployment } from './monitoring-test-seed';

let t: TestApp;
let admin: Record<string, string>;
let deploymentId: number;
const received: Array<{ headers: IncomingHttpHeaders; body: string }> = [];
const receiver = createServer((request, response) => {
  let body = '';
  request.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
  request.on('end', () => {
    received.push({ headers: request.headers, body });
    response.end('ok');
  });
});
const now = Date.now();

beforeAll(async () => {
  // The receiver listens on loopback, which webhooks refuse unless allowed.
  t = await buildTestApp({ SEXTANT_WEBHOOK_ALLOW_PRIVATE: 'true' });
  admin = (await t.userWithRole('admin')).headers;
  ({ deploymentId } = await seedDeployment(t.database.handle.db, { model: 'fraud' }));
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  // Twenty minutes in which the canary (v2) answers in 500 ms: the default "p99 > 300 ms for 5 minutes" rule fires.
  const events = [];
  for (let minute = 20; minute >= 1; minute--) {
    for (let i = 0; i < 6; i++) {
      const canary = i === 0;
      events.push({ timestamp: new Date(now - minute * 60_000 + i * 1000).toISOString(), modelVersion: canary ? 2 : 1, latencyMs: canary ? 500 : 60, features: { x: i }, prediction: 1 });
    }
  }
  const ingest = (await t.userWithRole('ingest')).headers;
  const response = await t.request<{ accepted: number }>({ method: 'POST', url: `/api/v1/deployments/${deploymentId}/predictions`, headers: ingest, payload: { events } });
  expect(response.body.accepted).toBe(events.length);
});
afterAll(async () => {
  receiver.closeAllConnections();
  await new Promise<void>((resolve) => receiver.close(() => resolve()));
  await t.close();
});

describe('alert notifications', () => {
  it('sends signed webhooks when an alert opens and when it resolves', async () => {
    const url = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/alerts`;
    const created = await t.request<{ secret: string }>({ method: 'POST', url: '/api/v1/webhooks', headers: admin, payload: { name: 'on-call', url, events: ['monitoring.*'], enabled: true } });
    expect(created.status).toBe(201);

    await evaluateAlerts(t.database.handle, driftStatistics, now);
    const alerts = await t.request<{ items: Array<{ metric: string; version: string; ruleId: string }> }>({ method: 'GET', url: `/api/v1/monitoring/alerts?deploymentId=${deploymentId}`, headers: admin });
    const latency = alerts.body.items.find((a) => a.metric === 'latency_p99');
    expect(latency).toMatchObject({ version: '2' });
    // Deleting the rule resolves its alert.
    expect((await t.request({ method: 'DELETE', url: `/api/v1/monitoring/alert-rules/${latency?.ruleId}`, headers: admin })).status).toBe(200);

    const worker = new WebhookWorker(t.database.handle, { policy: { allowedHosts: [], allowPrivate: true }, serverSecret: t.app.deps.secret });
    const deliveredAt = Date.now();
    expect(await worker.runOnce(deliveredAt)).toMatchObject({ delivered: 2 });
    const bodies = received.map((r) => JSON.parse(r.body) as { type: string; data: Record<string, unknown> });
    expect(bodies.map((b) => b.type)).toEqual(['monitoring.alert.opened', 'monitoring.alert.resolved']);
    expect(bodies[0]?.data).toMatchObject({ status: 'open', modelName: 'fraud', environment: 'production', deploymentId: String(deploymentId), version: 2, metric: 'latency_p99', threshold: 300, action: 'rollback', resolvedAt: null });
    expect(bodies[0]?.data.message).toMatch(/^latency p99 (49[5-9]|50[0-5]) ms > 300 ms for 5 × 1 min \(version 2\)$/);
    expect(bodies[1]?.data).toMatchObject({ status: 'resolved', alertId: bodies[0]?.data.alertId, resolvedAt: expect.any(String) });
    for (const delivery of received) {
      const signed = { timestamp: delivery.headers['x-sextant-timestamp'] as string, signature: delivery.headers['x-sextant-signature'] as string };
      expect(verifySignature(created.body.secret, signed, delivery.body, { nowMs: deliveredAt })).toBe(true);
    }
  });
});
