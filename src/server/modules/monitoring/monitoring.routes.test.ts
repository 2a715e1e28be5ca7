import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../testing/build-test-app';
import { evaluateAlerts } from './alerts.service';
import { driftStatistics } from './drift-statistics';
import { seedDeployment } from './monitoring-test-seed';
import { versionDriftSummary } from './version-health.service';

let t: TestApp;
let deploymentId: number;
let viewer: Record<string, string>;
let scientist: Record<string, string>;
const now = Date.now();
const hour = 3_600_000;
const from = new Date(now - 6 * hour).toISOString();
// Drift starts on an hour boundary, so the three hourly windows before the current one all drift.
const driftStart = Math.floor(now / hour) * hour - 3 * hour;

// A random but repeatable stream.
let seed = 7;
const random = () => ((seed = (seed * 16807) % 2147483647) / 2147483647);
const normal = () => Math.sqrt(-2 * Math.log(random() + 1e-12)) * Math.cos(2 * Math.PI * random());

const referenceCsv = ['age,plan,income', ...Array.from({ length: 3000 }, () => `${(40 + 10 * normal()).toFixed(2)},${random() < 0.3 ? 'pro' : 'free'},${(5000 + 800 * normal()).toFixed(1)}`)].join('\n');

beforeAll(async () => {
  t = await buildTestApp();
  ({ deploymentId } = await seedDeployment(t.database.handle.db));
  viewer = (await t.userWithRole('viewer')).headers;
  scientist = (await t.userWithRole('data-scientist')).headers;
  for (const version of [1, 2]) {
    const upload = await t.request({ method: 'POST', url: `/api/v1/models/churn/versions/${version}/reference?fileName=train.csv`, headers: { ...scientist, 'content-type': 'text/csv' }, payload: referenceCsv });
    expect(upload.status).toBe(201);
  }
  const ingest = (await t.userWithRole('ingest')).headers;
  // Six hours; income drifts (+3σ) in the last three; the canary (version 2) is slower.
  const events = [];
  for (let minute = 6 * 60; minute >= 1; minute--) {
    for (let i = 0; i < 15; i++) {
      const canary = i === 0;
      const drifting = now - minute * 60_000 >= driftStart;
      events.push({
        timestamp: new Date(now - minute * 60_000 + i * 1000).toISOString(),
        modelVersion: canary ? 2 : 1,
        latencyMs: canary ? 400 + 50 * random() : 80 + 20 * random(),
        features: { age: 40 + 10 * normal(), plan: random() < 0.3 ? 'pro' : 'free', income: (drifting ? 7400 : 5000) + 800 * normal() },
        prediction: random(),
      });
    }
  }
  for (let i = 0; i < events.length; i += 1000) {
    const response = await t.request<{ accepted: number }>({ method: 'POST', url: `/api/v1/deployments/${deploymentId}/predictions`, headers: ingest, payload: { events: events.slice(i, i + 1000) } });
    expect(response.body.accepted).toBe(Math.min(1000, events.length - i));
  }
});
afterAll(() => t.close());

describe('reference profiles', () => {
  it('profiles each column with its type, bins and summary', async () => {
    const response = await t.request<{ profile: { rowCount: number; features: Array<{ name: string; type: string; bins: unknown[]; stats: unknown }> } }>({ method: 'GET', url: '/api/v1/models/churn/versions/1/reference', headers: viewer });
    expect(response.status).toBe(200);
    expect(response.body.profile.rowCount).toBe(3000);
    expect(response.body.profile.features.map((f) => [f.name, f.type])).toEqual([['age', 'numeric'], ['plan', 'categorical'], ['income', 'numeric']]);
    expect(response.body.profile.features[0]?.bins).toHaveLength(10);
  });

  it('answers 400 for a file that is neither CSV nor Parquet, and for one without usable columns', async () => {
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
    const binary = await t.request<{ error: { message: string } }>({ method: 'POST', url: '/api/v1/models/churn/versions/3/reference', headers: { ...scientist, 'content-type': 'application/octet-stream' }, payload: png });
    expect(binary.status).toBe(400);
    expect(binary.body.error.message).toMatch(/neither CSV nor Parquet/);
    const empty = await t.request<{ error: { message: string } }>({ method: 'POST', url: '/api/v1/models/churn/versions/3/reference', headers: { ...scientist, 'content-type': 'text/csv' }, payload: 'a,b\n,\n,\n' });
    expect(empty.status).toBe(400);
    expect(empty.body.error.message).toMatch(/no usable feature columns/);
    const fakeParquet = await t.request({ method: 'POST', url: '/api/v1/models/churn/versions/3/reference', headers: { ...scientist, 'content-type': 'application/vnd.apache.parquet' }, payload: Buffer.from('PAR1 this is not really parquet PAR1') });
    expect(fakeParquet.status).toBe(400);
    const missingVersion = await t.request({ method: 'POST', url: '/api/v1/models/churn/versions/42/reference', headers: { ...scientist, 'content-type': 'text/csv' }, payload: 'a\n1\n' });
    expect(missingVersion.status).toBe(404);
    const viewerUpload = await t.request({ method: 'POST', url: '/api/v1/models/churn/versions/3/reference', headers: { ...viewer, 'content-type': 'text/csv' }, payload: 'a\n1\n' });
    expect(viewerUpload.status).toBe(403);
  });
});

describe('drift, latency and canary queries', () => {
  it('flags the drifting feature in the later windows only, with Evidently’s default methods', async () => {
    const response = await t.request<{ resolution: string; windows: Array<{ start: string; count: number; features: Array<{ feature: string; method: string; drifted: boolean; score: number }> }> }>({
      method: 'GET',
      url: `/api/v1/deployments/${deploymentId}/drift?from=${from}&resolution=1h&version=1`,
      headers: viewer,
    });
    expect(response.status).toBe(200);
    const windows = response.body.windows;
    expect(windows.length).toBeGreaterThanOrEqual(6);
    // The first window is partial (a few events): too small to judge. Scores come from bounded
    // samples, so a calm window may rarely cross the threshold: allow one such false alarm.
    const judged = windows.filter((w) => w.count >= 200);
    const cells = judged.flatMap((w) => w.features.map((f) => ({ ...f, drifting: f.feature === 'income' && Date.parse(w.start) >= driftStart })));
    expect(cells.filter((c) => c.drifting).every((c) => c.drifted)).toBe(true);
    expect(cells.filter((c) => c.drifting).length).toBeGreaterThanOrEqual(3);
    expect(cells.filter((c) => !c.drifting && c.drifted).length).toBeLessThanOrEqual(1);
    expect(windows[0]?.features.map((f) => f.method)).toEqual(['wasserstein', 'jensenshannon', 'wasserstein']);
  });

  it('shows reference and current distributions of a feature with its rule', async () => {
    const response = await t.request<{ method: string; rule: string; drifted: boolean; bins: Array<{ reference: number; current: number }> }>({
      method: 'GET',
      url: `/api/v1/deployments/${deploymentId}/drift/income?from=${new Date(now - 2 * hour).toISOString()}&version=1`,
      headers: viewer,
    });
    expect(response.status).toBe(200);
    expect(response.body.drifted).toBe(true);
    expect(response.body.rule).toMatch(/^Wasserstein \(normed\) [\d.]+ ≥ 0\.1$/);
    expect(response.body.bins.reduce((s, b) => s + b.reference, 0)).toBeCloseTo(1);
    const unknown = await t.request({ method: 'GET', url: `/api/v1/deployments/${deploymentId}/drift/nope`, headers: viewer });
    expect(unknown.status).toBe(404);
  });

  it('reports latency percentiles per window and the canary slower than stable, recommending a rollback', async () => {
    const stable = await t.request<{ windows: Array<{ p99: number; count: number }> }>({ method: 'GET', url: `/api/v1/deployments/${deploymentId}/latency?from=${from}&resolution=1h&version=1`, headers: viewer });
    const canary = await t.request<{ windows: Array<{ p99: number }> }>({ method: 'GET', url: `/api/v1/deployments/${deploymentId}/latency?from=${from}&resolution=1h&version=2`, headers: viewer });
    expect(stable.body.windows[1]?.count).toBe(840);
    expect(stable.body.windows[1]?.p99).toBeLessThan(102);
    expect(canary.body.windows[1]?.p99).toBeGreaterThan(440);
    const comparison = await t.request<{ recommendation: { decision: string; analysis: string }; canary: { p99: number } }>({ method: 'GET', url: `/api/v1/deployments/${deploymentId}/canary?from=${from}`, headers: viewer });
    expect(comparison.body.recommendation).toMatchObject({ decision: 'rollback', analysis: 'Failed' });
    const badRange = await t.request({ method: 'GET', url: `/api/v1/deployments/${deploymentId}/latency?from=${new Date(now).toISOString()}&to=${from}`, headers: viewer });
    expect(badRange.status).toBe(400);
  });

  it('summarises a version’s drift for the promotions gate', async () => {
    const summary = await versionDriftSummary(t.database.handle.db, 'churn', 1, { hours: 2, now });
    expect(summary.hasReference).toBe(true);
    expect(summary.features.find((f) => f.feature === 'income')).toMatchObject({ drifted: true, critical: true });
    expect(summary.criticallyDrifted).toBe(true);
  });

  it('overrides a feature’s method and threshold', async () => {
    const engineer = (await t.userWithRole('data-scientist')).headers;
    const put = await t.request({ method: 'PUT', url: `/api/v1/deployments/${deploymentId}/drift-settings`, headers: engineer, payload: { driftShare: 0.3, features: [{ feature: 'income', method: 'psi', threshold: 50 }] } });
    expect(put.status).toBe(200);
    const drift = await t.request<{ driftShareThreshold: number; windows: Array<{ features: Array<{ feature: string; method: string; drifted: boolean }> }> }>({ method: 'GET', url: `/api/v1/deployments/${deploymentId}/drift?from=${from}&resolution=1h&version=1`, headers: viewer });
    expect(drift.body.driftShareThreshold).toBe(0.3);
    const income = drift.body.windows.at(-1)?.features.find((f) => f.feature === 'income');
    expect(income).toMatchObject({ method: 'psi', drifted: false });
    await t.request({ method: 'PUT', url: `/api/v1/deployments/${deploymentId}/drift-settings`, headers: engineer, payload: { driftShare: 0.5, features: [] } });
  });
});

describe('alerts', () => {
  it('opens alerts from the default rules, with actions, audited; resolves them when the rule goes', async () => {
    // The scheduler may already have evaluated after ingestion; either way the alerts are open.
    await evaluateAlerts(t.database.handle, driftStatistics, now);
    const alerts = await t.request<{ items: Array<{ id: string; metric: string; version: string; action: string; subject: string | null; ruleId: string }> }>({ method: 'GET', url: `/api/v1/monitoring/alerts?deploymentId=${deploymentId}`, headers: viewer });
    const latency = alerts.body.items.find((a) => a.metric === 'latency_p99');
    expect(latency).toMatchObject({ version: '2', action: 'rollback' });
    const psi = alerts.body.items.find((a) => a.metric === 'feature_psi');
    expect(psi).toMatchObject({ subject: 'income', action: 'retrain' });
    const again = await evaluateAlerts(t.database.handle, driftStatistics, now);
    expect(again.opened).toBe(0);

    const admin = (await t.userWithRole('admin')).headers;
    const removed = await t.request({ method: 'DELETE', url: `/api/v1/monitoring/alert-rules/${latency?.ruleId}`, headers: admin });
    expect(removed.status).toBe(200);
    const open = await t.request<{ items: Array<{ metric: string }> }>({ method: 'GET', url: '/api/v1/monitoring/alerts', headers: viewer });
    expect(open.body.items.map((a) => a.metric)).not.toContain('latency_p99');
    const audit = await t.database.handle.db.selectFrom('audit_events').select('action').where('action', 'like', 'monitoring.%').execute();
    expect(new Set(audit.map((a) => a.action))).toEqual(new Set(['monitoring.reference-created', 'monitoring.drift-settings-changed', 'monitoring.alert-opened', 'monitoring.alert-resolved', 'monitoring.alert-rule-deleted']));
  });

  it('creates and changes rules; validates them', async () => {
    const admin = (await t.userWithRole('admin')).headers;
    const rule = { name: 'Errors', metric: 'error_rate', operator: '>', threshold: 0.05, windowMinutes: 5, consecutive: 2, deploymentId: String(deploymentId), versionRole: 'canary', action: 'rollback', enabled: true };
    const created = await t.request<{ id: string }>({ method: 'POST', url: '/api/v1/monitoring/alert-rules', headers: admin, payload: rule });
    expect(created.status).toBe(201);
    const changed = await t.request<{ threshold: number }>({ method: 'PUT', url: `/api/v1/monitoring/alert-rules/${created.body.id}`, headers: admin, payload: { ...rule, threshold: 0.1 } });
    expect(changed.body.threshold).toBe(0.1);
    const invalid = await t.request({ method: 'POST', url: '/api/v1/monitoring/alert-rules', headers: admin, payload: { ...rule, windowMinutes: 7 } });
    expect(invalid.status).toBe(400);
    const forbidden = await t.request({ method: 'POST', url: '/api/v1/monitoring/alert-rules', headers: viewer, payload: rule });
    expect(forbidden.status).toBe(403);
  });

  it('lists monitored deployments with their health', async () => {
    const response = await t.request<{ items: Array<{ id: string; health: { events: number; openAlerts: number } }> }>({ method: 'GET', url: '/api/v1/monitoring/deployments', headers: viewer });
    expect(response.body.items[0]?.health.events).toBeGreaterThan(500);
    expect(response.body.items[0]?.health.openAlerts).toBeGreaterThan(0);
  });
});
