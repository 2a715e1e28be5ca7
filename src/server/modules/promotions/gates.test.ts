import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Gate, GateResult } from '../../../shared/contract/promotion-policies';
import { buildTestApp, type TestApp } from '../../testing/build-test-app';
import { registerGateEvaluator } from './gate-registry';
import { promotionClient } from './testing/promotion-client';
import { createModelVersion } from './testing/registry-fixtures';

let t: TestApp;
let api: ReturnType<typeof promotionClient>;
let engineer: Awaited<ReturnType<TestApp['userWithRole']>>;
let admin: Awaited<ReturnType<TestApp['userWithRole']>>;
let checker: Server;
let checkerUrl: string;

beforeAll(async () => {
  // Webhook-check gates call a local service in this file, so loopback is allowed here.
  t = await buildTestApp({ SEXTANT_WEBHOOK_ALLOW_PRIVATE: 'true' });
  api = promotionClient(t);
  engineer = await t.userWithRole('ml-engineer');
  admin = await t.userWithRole('admin');
  const db = t.database.handle.db;
  await createModelVersion(db, { name: 'churn', version: 1, metrics: { auc: 0.86, latency_ms: 40 } });
  await createModelVersion(db, { name: 'churn', version: 2, metrics: { auc: 0.864, latency_ms: 30 }, signature: false });
  const first = await api.create(engineer.headers, { kind: 'promote', modelName: 'churn', environment: 'production', version: 1, strategy: 'direct', justification: 'first' });
  await api.act((await t.userWithRole('approver')).headers, first.body.request.id, 'approve');
  await api.act(engineer.headers, first.body.request.id, 'apply');

  checker = createServer((request, response) => {
    if (request.url === '/slow') return void setTimeout(() => response.end('{}'), 2000);
    response.setHeader('content-type', 'application/json');
    response.end(request.url === '/deny' ? JSON.stringify({ pass: false, message: 'Load test p99 over budget' }) : JSON.stringify({ pass: true, message: 'Load test fine' }));
  });
  await new Promise<void>((resolve) => checker.listen(0, '127.0.0.1', resolve));
  checkerUrl = `http://127.0.0.1:${(checker.address() as AddressInfo).port}`;
});
afterAll(async () => {
  checker.closeAllConnections();
  await new Promise<void>((resolve) => checker.close(() => resolve()));
  await t.close();
});

async function preview(gates: Gate[], version = 2): Promise<GateResult[]> {
  await api.setPolicy(admin.headers, 'production', { gates });
  const response = await t.request<{ gates: GateResult[] }>({
    method: 'POST', url: '/api/v1/promotions/preview', headers: engineer.headers, payload: { modelName: 'churn', environment: 'production', version },
  });
  expect(response.status).toBe(200);
  return response.body.gates;
}

describe('gates', () => {
  it('checks metric thresholds on the source run, with the numbers', async () => {
    const [auc, missing] = await preview([
      { type: 'metric-threshold', metric: 'auc', operator: '>=', threshold: 0.85 },
      { type: 'metric-threshold', metric: 'recall', operator: '>', threshold: 0.5 },
    ]);
    expect(auc).toEqual({ type: 'metric-threshold', label: 'metrics.auc ≥ 0.85', status: 'pass', message: 'metrics.auc is 0.864', observed: 0.864, expected: 0.85 });
    expect(missing).toMatchObject({ status: 'fail', message: 'The version has no source run with metrics.recall' });
  });

  it('compares with the version serving now, by a margin, in either direction', async () => {
    const [auc, latency] = await preview([
      { type: 'beat-current', metric: 'auc', margin: 0.005, higherIsBetter: true },
      { type: 'beat-current', metric: 'latency_ms', margin: 5, higherIsBetter: false },
    ]);
    expect(auc).toMatchObject({ status: 'fail', observed: 0.864, expected: 0.865, message: '0.864 against 0.86 for version 1: better by 0.004, needs 0.005' });
    expect(latency).toMatchObject({ status: 'pass', observed: 30, expected: 35 });
  });

  it('fails a missing signature, warns when monitoring has no data to judge drift, and lets a module replace an evaluator', async () => {
    const [signature, drift] = await preview([{ type: 'signature-present' }, { type: 'no-critical-drift' }]);
    expect(signature).toMatchObject({ status: 'fail', message: expect.stringMatching(/no input signature/) });
    expect(drift).toMatchObject({ status: 'warning', message: 'No live predictions for v2 in the last 24 h: drift was not checked' });

    const restore = registerGateEvaluator('no-critical-drift', (_gate, context) => ({
      status: 'fail', message: `3 of 10 features drifted for ${context.modelName} v${context.candidate.version}`, observed: 0.3, expected: 0.5,
    }));
    try {
      const [, replaced] = await preview([{ type: 'signature-present' }, { type: 'no-critical-drift' }]);
      expect(replaced).toMatchObject({ status: 'fail', message: '3 of 10 features drifted for churn v2', observed: 0.3 });
    } finally {
      restore();
    }
    expect((await preview([{ type: 'no-critical-drift' }]))[0]?.status).toBe('warning');
  });

  it('asks an external check, within its timeout', async () => {
    const [pass, deny, slow] = await preview([
      { type: 'webhook-check', url: `${checkerUrl}/ok`, timeoutMs: 1000 },
      { type: 'webhook-check', url: `${checkerUrl}/deny`, timeoutMs: 1000 },
      { type: 'webhook-check', url: `${checkerUrl}/slow`, timeoutMs: 200 },
    ]);
    expect(pass).toMatchObject({ status: 'pass', message: 'Load test fine' });
    expect(deny).toMatchObject({ status: 'fail', message: 'Load test p99 over budget' });
    expect(slow).toMatchObject({ status: 'fail', message: 'The check did not answer: timed out after 200 ms' });
  });
});
