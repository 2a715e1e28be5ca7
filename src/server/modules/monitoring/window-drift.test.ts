import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getDrift } from '../../../shared/contract/monitoring';
import { buildTestApp, type TestApp } from '../../testing/build-test-app';
import { chooseMethods, windowDrift } from './drift-engine';
import { defaultDriftSettings } from './drift-settings.repository';
import { driftStatistics } from './drift-statistics';
import { seedDeployment } from './monitoring-test-seed';
import { findProfileById } from './profiles.repository';
import { driftKey } from './window-drift';
import { readWindowDrift, readWindows } from './windows.repository';

let t: TestApp;
let deploymentId: number;
let viewer: Record<string, string>;
const now = Date.now();
const hour = 3_600_000;

beforeAll(async () => {
  t = await buildTestApp();
  ({ deploymentId } = await seedDeployment(t.database.handle.db));
  const admin = (await t.userWithRole('admin')).headers;
  viewer = (await t.userWithRole('viewer')).headers;
  const reference = ['age,income', ...Array.from({ length: 500 }, (_, i) => `${20 + (i % 40)},${3000 + ((i * 37) % 4000)}`)].join('\n');
  expect((await t.request({ method: 'POST', url: '/api/v1/models/churn/versions/1/reference?fileName=r.csv', headers: { ...admin, 'content-type': 'text/csv' }, payload: reference })).status).toBe(201);
  const ingest = (await t.userWithRole('ingest')).headers;
  // Three hours, sent in two batches per hour so stored results must follow the growing window.
  for (let h = 3; h >= 1; h--) {
    for (const half of [0, 1]) {
      const events = Array.from({ length: 60 }, (_, i) => ({
        timestamp: new Date(now - h * hour + half * 1_800_000 + i * 10_000).toISOString(),
        modelVersion: 1,
        latencyMs: 20,
        features: { age: 20 + ((i * 7) % 40) + (h === 1 ? 25 : 0), income: 3000 + ((i * 53) % 4000) },
        prediction: 0,
      }));
      expect((await t.request({ method: 'POST', url: `/api/v1/deployments/${deploymentId}/predictions`, headers: ingest, payload: { events } })).status).toBe(200);
    }
  }
});
afterAll(() => t.close());

describe('drift stored with hourly windows at ingestion', () => {
  it('equals the drift computed from the window, keyed by profile, events and settings', async () => {
    const windows = await readWindows(t.database.handle.db, { deploymentId, versions: [1], granularity: 3600, from: now - 5 * hour, to: now, features: true });
    const stored = await readWindowDrift(t.database.handle.db, { deploymentId, version: 1, granularity: 3600, from: now - 5 * hour, to: now, results: true });
    expect(windows.length).toBeGreaterThanOrEqual(3);
    expect(stored.map((w) => w.start)).toEqual(windows.map((w) => w.start));
    const profile = await findProfileById(t.database.handle.db, windows[0]?.agg.profileId as number);
    windows.forEach((window, i) => {
      expect(stored[i]?.driftKey).toBe(driftKey(profile!.id, window.agg.count, defaultDriftSettings));
      const recomputed = windowDrift(profile!.profile, window.agg.features, chooseMethods(profile!.profile, defaultDriftSettings, driftStatistics), 0.5, driftStatistics);
      expect(JSON.parse(stored[i]!.drift!)).toEqual(JSON.parse(JSON.stringify(recomputed)));
    });
    // Minute windows carry none: the charts merge hourly ones.
    const minutes = await readWindowDrift(t.database.handle.db, { deploymentId, version: 1, granularity: 60, from: now - 5 * hour, to: now, results: true });
    expect(minutes.every((w) => w.drift === null && w.driftKey === null)).toBe(true);
  });

  it('serves the drift query from them, and recomputes under other settings', async () => {
    const url = `/api/v1/deployments/${deploymentId}/drift?from=${new Date(now - 4 * hour).toISOString()}&resolution=1h&version=1`;
    const stored = await t.request<{ windows: Array<{ features: Array<{ feature: string; drifted: boolean }> }> }>({ method: 'GET', url, headers: viewer });
    expect(stored.body.windows.at(-1)?.features.find((f) => f.feature === 'age')?.drifted).toBe(true);
    // Sent pre-serialised: it must still be exactly what the contract promises.
    expect(stored.headers['content-type']).toMatch(/^application\/json/);
    expect(getDrift.response.strict().safeParse(stored.body).success).toBe(true);
    expect(getDrift.response.shape.windows.element.strict().safeParse(stored.body.windows[0]).success).toBe(true);
    expect(getDrift.response.shape.windows.element.shape.features.element.strict().safeParse(stored.body.windows[0]?.features[0]).success).toBe(true);
    const written = await readWindowDrift(t.database.handle.db, { deploymentId, version: 1, granularity: 3600, from: now - 4 * hour, to: now, results: true });
    expect(stored.body.windows.map((w) => w.features)).toEqual(written.map((w) => JSON.parse(w.drift!).features));
    const admin = (await t.userWithRole('admin')).headers;
    await t.request({ method: 'PUT', url: `/api/v1/deployments/${deploymentId}/drift-settings`, headers: admin, payload: { driftShare: 0.5, features: [{ feature: 'age', method: 'psi', threshold: 100 }] } });
    const changed = await t.request<{ windows: Array<{ features: Array<{ feature: string; method: string; drifted: boolean }> }> }>({ method: 'GET', url, headers: viewer });
    expect(changed.body.windows.at(-1)?.features.find((f) => f.feature === 'age')).toMatchObject({ method: 'psi', drifted: false });
  });
});
