import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GateResult } from '../../../shared/contract/promotion-policies';
import { buildTestApp, type TestApp } from '../../testing/build-test-app';
import { seedDeployment } from './monitoring-test-seed';

let t: TestApp;
let admin: Record<string, string>;
const now = Date.now();

// Uniform spreads walked in a scrambled order: live data of the same formulas matches the
// reference (no randomness to make a flaky test); v2's income is moved far out.
const age = (k: number) => 20 + ((k * 7919) % 2000) / 50;
const income = (k: number) => 3000 + ((k * 104_729) % 2000) * 2;
const referenceCsv = ['age,income', ...Array.from({ length: 2000 }, (_, k) => `${age(k)},${income(k)}`)].join('\n');

/** The "no critical drift" result of the Promote dialog's preview for a version of churn in production. */
async function driftGate(version: number): Promise<GateResult | undefined> {
  const preview = await t.request<{ gates: GateResult[] }>({ method: 'POST', url: '/api/v1/promotions/preview', headers: admin, payload: { modelName: 'churn', environment: 'production', version } });
  expect(preview.status).toBe(200);
  return preview.body.gates.find((g) => g.type === 'no-critical-drift');
}

beforeAll(async () => {
  t = await buildTestApp();
  admin = (await t.userWithRole('admin')).headers;
  // Stable v1 and canary v2 serve; v3 is registered but has never served.
  const { deploymentId } = await seedDeployment(t.database.handle.db);
  for (const version of [1, 2]) {
    const upload = await t.request({ method: 'POST', url: `/api/v1/models/churn/versions/${version}/reference?fileName=train.csv`, headers: { ...admin, 'content-type': 'text/csv' }, payload: referenceCsv });
    expect(upload.status).toBe(201);
  }
  // Two hours of traffic: v1 looks like its training data, v2's income is far off.
  const events = [];
  for (let minute = 120; minute >= 1; minute--) {
    for (let i = 0; i < 10; i++) {
      const k = minute * 10 + i;
      const version = i < 7 ? 1 : 2;
      events.push({ timestamp: new Date(now - minute * 60_000 + i * 1000).toISOString(), modelVersion: version, latencyMs: 50, features: { age: age(k * 3), income: income(k * 3) + (version === 2 ? 6000 : 0) }, prediction: 0 });
    }
  }
  const ingest = (await t.userWithRole('ingest')).headers;
  const response = await t.request<{ accepted: number }>({ method: 'POST', url: `/api/v1/deployments/${deploymentId}/predictions`, headers: ingest, payload: { events } });
  expect(response.body.accepted).toBe(events.length);
});
afterAll(() => t.close());

describe('the "no critical drift" gate, judged by monitoring', () => {
  it('fails a version whose live data drifts critically from its reference, naming the feature and rule', async () => {
    const gate = await driftGate(2);
    expect(gate).toMatchObject({ status: 'fail', message: expect.stringMatching(/over 360 predictions in the last 24 h$/) });
    expect(gate?.message).toMatch(/income \(Wasserstein \(normed\) [\d.]+ ≥ 0\.1\)/);
    expect(gate?.observed).toBeGreaterThanOrEqual(0.5);
  });

  it('passes a version whose live data matches its reference', async () => {
    expect(await driftGate(1)).toMatchObject({ status: 'pass', message: 'No critical drift over 840 predictions in the last 24 h', observed: 0 });
  });

  it('warns, saying why, when there is nothing to judge', async () => {
    expect(await driftGate(3)).toMatchObject({ status: 'warning', message: 'No live predictions for v3 in the last 24 h: drift was not checked' });
  });

  it('blocks promoting the drifting canary to stable', async () => {
    await t.database.handle.db.updateTable('model_versions').set({ mlmodel_json: JSON.stringify({ signature: { inputs: '[]' } }) }).where('name', '=', 'churn').execute();
    const created = await t.request<{ request: { state: string; failureReason: string | null } }>({
      method: 'POST', url: '/api/v1/promotions/requests', headers: admin,
      payload: { kind: 'canary-promote', modelName: 'churn', environment: 'production', justification: 'drift gate test' },
    });
    expect(created.status).toBe(201);
    expect(created.body.request).toMatchObject({ state: 'failed', failureReason: expect.stringMatching(/^Gate failed: no critical drift against the reference/) });
  });
});
