import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemContext } from '../modules/audit/audit.service';
import { createUser } from '../modules/auth/users.service';
import { buildTestApp, type TestApp } from '../testing/build-test-app';
import { loadWeather, splitWeather } from './data/weather-data';
import { demoPassword } from './seed/demo-users';
import { seedDemo, type SeedResult } from './seed/seed-demo';
import { defaultSimulatorOptions, runSimulator } from './simulator/simulator';
import { smallPlan } from './training/sweeps';

// The demo is a client of the public HTTP APIs: it seeds a real server listening on a port.
let t: TestApp;
let url: string;
let seeded: SeedResult;
const admin = { authorization: `Basic ${Buffer.from(`admin:${demoPassword('admin')}`).toString('base64')}` };

beforeAll(async () => {
  t = await buildTestApp();
  await createUser(t.database.handle, { username: 'admin', role: 'admin', password: demoPassword('admin') }, systemContext);
  url = await t.app.listen({ port: 0, host: '127.0.0.1' });
  const split = splitWeather(loadWeather());
  seeded = await seedDemo(url, smallPlan(split).map((train) => train()), split, () => {});
}, 60_000);
afterAll(() => t.close());

describe('a small demo seed through the public APIs', () => {
  it('logs runs with histories, nested runs and datasets, and registers versions from logged models', async () => {
    expect(seeded).toMatchObject({ runs: 7, versions: 7 });
    const version = await t.request<{ model_version: { description: string; run_id: string; source: string } }>({ method: 'GET', url: '/api/2.0/mlflow/model-versions/get?name=weather-type&version=4', headers: admin });
    expect(version.body.model_version.description).toContain('Validation accuracy');
    expect(version.body.model_version.source).toMatch(/^models:\/m-[0-9a-f]{32}$/);
    type Run = { run: { info: { end_time: number }; data: { tags: Array<{ key: string; value: string }>; params: unknown[] }; inputs: { dataset_inputs: Array<{ dataset: { digest: string } }> } } };
    const run = await t.request<Run>({ method: 'GET', url: `/api/2.0/mlflow/runs/get?run_id=${version.body.model_version.run_id}`, headers: admin });
    const tags = Object.fromEntries(run.body.run.data.tags.map((tag) => [tag.key, tag.value]));
    expect(tags['mlflow.parentRunId']).toMatch(/^[0-9a-f]{32}$/);
    // The sweep's parent ends with its last child, not when the seed finishes (runs are backdated).
    type Info = { run: { info: { start_time: number; end_time: number } } };
    const parent = await t.request<Info>({ method: 'GET', url: `/api/2.0/mlflow/runs/get?run_id=${tags['mlflow.parentRunId']}`, headers: admin });
    expect(parent.body.run.info.end_time).toBeGreaterThanOrEqual(run.body.run.info.end_time);
    expect(parent.body.run.info.end_time - parent.body.run.info.start_time).toBeLessThan(10 * 60_000);
    expect(tags['mlflow.source.git.commit']).toMatch(/^[0-9a-f]{40}$/);
    expect(run.body.run.inputs.dataset_inputs.map((d) => d.dataset.digest)).toHaveLength(2);
    const history = await t.request<{ metrics: Array<{ step: number }> }>({ method: 'GET', url: `/api/2.0/mlflow/metrics/get-history?run_id=${version.body.model_version.run_id}&metric_key=val_accuracy`, headers: admin });
    // One point per tree, plus the final value at step 0.
    expect(history.body.metrics.map((m) => m.step).sort((a, b) => a - b)).toEqual([0, 1, 2, 3, 4]);
  });

  it('leaves a canary at 25 %, a rejection, a break-glass rollback and a pending request', async () => {
    const deployments = await t.request<{ items: Array<{ modelName: string; environment: string; stableVersion: number; canaryVersion: number | null; canaryWeight: number }> }>({ method: 'GET', url: '/api/v1/deployments', headers: admin });
    expect(deployments.body.items.find((d) => d.modelName === 'weather-type' && d.environment === 'production')).toMatchObject({ stableVersion: 3, canaryVersion: 4, canaryWeight: 25 });
    expect(deployments.body.items.find((d) => d.modelName === 'wet-day' && d.environment === 'production')).toMatchObject({ stableVersion: 1, canaryVersion: null });
    const requests = await t.request<{ items: Array<{ kind: string; state: string; breakGlass: boolean }> }>({ method: 'GET', url: '/api/v1/promotions/requests?view=all&pageSize=100', headers: admin });
    const states = requests.body.items.map((r) => r.state);
    expect(states.filter((s) => s === 'rejected')).toHaveLength(1);
    expect(states.filter((s) => s === 'pending')).toHaveLength(1);
    expect(requests.body.items.find((r) => r.kind === 'rollback')).toMatchObject({ state: 'applied', breakGlass: true });
    for (const who of ['admin', 'dana', 'erin', 'alice', 'bob']) {
      const audit = await t.request<{ items: Array<{ actor: { name: string } }> }>({ method: 'GET', url: `/api/v1/audit/events?actor=${who}`, headers: admin });
      expect(audit.body.items.length, who).toBeGreaterThan(0);
    }
  });

  it('feeds live predictions and late labels that the server accepts, split by the canary weight', async () => {
    const controller = new AbortController();
    const stopAfter = setTimeout(() => controller.abort(), 4000);
    const report = await runSimulator({ ...defaultSimulatorOptions, url, token: seeded.servingToken, rate: 100, tickMs: 250, labelDelayMs: [0, 500], log: () => {} }, controller.signal);
    clearTimeout(stopAfter);
    expect(report.events).toBeGreaterThan(50);
    expect(report.labels).toBeGreaterThan(0);
    expect(report.rejected).toBe(0);
    expect(report.undelivered).toBe(0);
    expect(report.accepted).toBe(report.events + report.labels);
    const canary = await t.request<{ stable: { count: number } | null; canary: { count: number } | null }>({ method: 'GET', url: '/api/v1/deployments/2/canary', headers: admin });
    expect(canary.status).toBe(200);
  });
});
