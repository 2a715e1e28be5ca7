import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MonitoringAsOfDeployment } from '../../../shared/contract/monitoring-as-of';
import { buildTestApp, type TestApp } from '../../testing/build-test-app';
import { evaluateAlerts } from './alerts.service';
import { driftStatistics } from './drift-statistics';
import { seedDeployment } from './monitoring-test-seed';

let t: TestApp;
let auditor: Record<string, string>;
let deploymentId: number;
const now = Date.now();
const hour = 3_600_000;

const asOf = async (at: number) => {
  const response = await t.request<{ deployments: MonitoringAsOfDeployment[] }>({ method: 'GET', url: `/api/v1/monitoring/as-of?at=${new Date(at).toISOString()}`, headers: auditor });
  expect(response.status).toBe(200);
  return response.body.deployments;
};

beforeAll(async () => {
  t = await buildTestApp();
  auditor = (await t.userWithRole('auditor')).headers;
  // Stable v1 since 40 days, canary v2 since 36 hours.
  ({ deploymentId } = await seedDeployment(t.database.handle.db));
  const events = [];
  for (let minute = 20; minute >= 1; minute--) {
    for (let i = 0; i < 5; i++) {
      const canary = i === 0;
      events.push({ timestamp: new Date(now - minute * 60_000 + i * 1000).toISOString(), modelVersion: canary ? 2 : 1, latencyMs: canary ? 500 : 60, features: { x: i }, prediction: 1 });
    }
  }
  const ingest = (await t.userWithRole('ingest')).headers;
  expect((await t.request({ method: 'POST', url: `/api/v1/deployments/${deploymentId}/predictions`, headers: ingest, payload: { events } })).status).toBe(200);
  await evaluateAlerts(t.database.handle, driftStatistics, now);
});
afterAll(() => t.close());

describe('what monitoring said at a past moment', () => {
  it('gives the versions serving then with the hour’s health, and the alerts open then', async () => {
    const [deployment] = await asOf(now);
    expect(deployment).toMatchObject({ deploymentId: String(deploymentId), modelName: 'churn', environment: 'production' });
    expect(deployment?.versions.map((v) => [v.role, v.version, v.count])).toEqual([['stable', '1', 80], ['canary', '2', 20]]);
    expect(deployment?.versions[1]?.p99).toBeGreaterThan(490);
    expect(deployment?.openAlerts.map((a) => [a.metric, a.version])).toEqual([['latency_p99', '2']]);
  });

  it('knows what served before the canary started, and that no alert was open', async () => {
    const [deployment] = await asOf(now - 48 * hour);
    expect(deployment?.versions.map((v) => [v.role, v.version, v.count])).toEqual([['stable', '1', 0]]);
    expect(deployment?.openAlerts).toEqual([]);
  });

  it('leaves out an alert resolved before the moment, and deployments that did not exist yet', async () => {
    const admin = (await t.userWithRole('admin')).headers;
    const [alert] = (await asOf(now))[0]?.openAlerts ?? [];
    expect((await t.request({ method: 'DELETE', url: `/api/v1/monitoring/alert-rules/${alert?.ruleId}`, headers: admin })).status).toBe(200);
    expect((await asOf(Date.now() + 1000))[0]?.openAlerts).toEqual([]);
    expect((await asOf(now))[0]?.openAlerts).toHaveLength(1);
    expect(await asOf(now - 60 * 24 * hour)).toEqual([]);
  });
});
