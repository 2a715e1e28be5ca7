import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../testing/build-test-app';
import { seedDeployment } from './monitoring-test-seed';
import { findActiveProfile } from './profiles.repository';
import { binOf } from './reference-profile';
import type { FeatureAgg } from './window-aggregate';
import { readWindows } from './windows.repository';

/**
 * The drift a deployment shows must not depend on how its traffic was cut into requests: the same
 * events posted one batch at a time, or as many small batches at once (grouped into shared writes),
 * give the same windows. The stream stays under every reservoir's capacity (≤ 64 events a minute,
 * ≤ 1,024 an hour or a day per version), so each sample holds every value and the comparison is
 * exact. Version 2's reference lists its columns in another order, so a feature bound to the wrong
 * position would show.
 */
let t: TestApp;
const now = Date.now();
const hour = 3_600_000;
const from = Math.floor(now / hour) * hour - 3 * hour;
let seed = 5;
const random = () => ((seed = (seed * 16807) % 2147483647) / 2147483647);

const referenceRows = Array.from({ length: 300 }, (_, i) => ({ age: 20 + (i % 50), plan: i % 3 === 0 ? 'pro' : 'free', income: 3000 + ((i * 37) % 4000) }));
const csv = (columns: Array<'age' | 'plan' | 'income'>) => [columns.join(','), ...referenceRows.map((r) => columns.map((c) => r[c]).join(','))].join('\n');

// 900 events over 150 minutes (6 a minute), a sixth of them for the canary, some values missing or unseen.
const events = Array.from({ length: 900 }, (_, i) => ({
  timestamp: new Date(from + i * 10_000).toISOString(),
  modelVersion: i % 6 === 0 ? 2 : 1,
  latencyMs: 10 + (i % 90),
  features: {
    age: i % 17 === 0 ? null : Math.round((20 + 50 * random()) * 10) / 10,
    plan: i % 23 === 0 ? 'enterprise' : random() < 0.35 ? 'pro' : 'free',
    income: i % 29 === 0 ? null : Math.round(2000 + 6000 * random()),
  },
  prediction: random() < 0.5 ? 'stay' : 'churn',
}));

async function deploymentFor(model: string) {
  const { deploymentId } = await seedDeployment(t.database.handle.db, { model });
  const admin = (await t.userWithRole('admin')).headers;
  for (const [version, columns] of [[1, ['age', 'plan', 'income']], [2, ['income', 'age', 'plan']]] as const) {
    const upload = await t.request({ method: 'POST', url: `/api/v1/models/${model}/versions/${version}/reference?fileName=r.csv`, headers: { ...admin, 'content-type': 'text/csv' }, payload: csv([...columns]) });
    expect(upload.status).toBe(201);
  }
  return deploymentId;
}

let ingest: Record<string, string>;
const post = (deploymentId: number, batch: unknown[]) =>
  t.request<{ accepted: number }>({ method: 'POST', url: `/api/v1/deployments/${deploymentId}/predictions`, headers: ingest, payload: { events: batch } });

/** Every window of the deployment, its features by name with the sample as a sorted list. */
async function snapshot(deploymentId: number, model: string) {
  const out: Record<string, unknown> = {};
  for (const version of [1, 2]) {
    const profile = (await findActiveProfile(t.database.handle.db, model, version))!.profile;
    for (const granularity of [60, 3600, 86_400]) {
      for (const w of await readWindows(t.database.handle.db, { deploymentId, versions: [version], granularity, from: from - 86_400_000, to: now + hour, features: true })) {
        const features = Object.fromEntries(profile.features.map((f, i) => [f.name, sortedAgg(w.agg.features![i]!)]));
        out[`${version}:${granularity}:${w.start}`] = { count: w.agg.count, errors: w.agg.errors, features };
      }
    }
  }
  return out;
}

const sortedAgg = (agg: FeatureAgg) => ({ ...agg, sample: { seen: agg.sample.seen, values: agg.sample.values.slice().sort((a, b) => a - b) } });

let sequential: number;
let concurrent: number;

beforeAll(async () => {
  t = await buildTestApp();
  ingest = (await t.userWithRole('ingest')).headers;
  sequential = await deploymentFor('sequential');
  concurrent = await deploymentFor('concurrent');
  for (let i = 0; i < events.length; i += 300) expect((await post(sequential, events.slice(i, i + 300))).body.accepted).toBe(300);
  // 30 batches of 30 events taken across the whole stream, all in flight at once.
  const batches = Array.from({ length: 30 }, (_, b) => events.filter((_, i) => i % 30 === b));
  const results = await Promise.all(batches.map((batch) => post(concurrent, batch)));
  expect(results.map((r) => r.body.accepted)).toEqual(batches.map((b) => b.length));
});
afterAll(() => t.close());

describe('ingestion independent of batching', () => {
  it('stores the same minute, hourly and daily windows for sequential and concurrent batches', async () => {
    const a = await snapshot(sequential, 'sequential');
    expect(Object.keys(a).length).toBeGreaterThan(150);
    expect(await snapshot(concurrent, 'concurrent')).toEqual(a);
  });

  it('bins each version’s features as its reference profile does, whatever its column order', async () => {
    const windows = await snapshot(sequential, 'sequential');
    for (const version of [1, 2]) {
      const profile = (await findActiveProfile(t.database.handle.db, 'sequential', version))!.profile;
      const ofVersion = events.filter((e) => e.modelVersion === version);
      const day = Object.entries(windows).filter(([key]) => key.startsWith(`${version}:86400:`));
      const totals = (name: string) =>
        day.reduce((sum, [, w]) => {
          const agg = (w as { features: Record<string, FeatureAgg> }).features[name]!;
          return { missing: sum.missing + agg.missing, bins: sum.bins.length === 0 ? agg.bins : sum.bins.map((v, i) => v + (agg.bins[i] ?? 0)), values: [...sum.values, ...agg.sample.values] };
        }, { missing: 0, bins: [] as number[], values: [] as number[] });
      for (const feature of profile.features) {
        const values = ofVersion.map((e) => e.features[feature.name as 'age' | 'plan' | 'income']);
        const expected = new Array<number>(feature.binning.kind === 'numeric' ? feature.binning.edges.length + 1 : 0).fill(0);
        const bins = values.filter((v) => v !== null).map((v) => binOf(feature.binning, v as number | string));
        const counts = bins.reduce((acc, b) => ((acc[b] = (acc[b] ?? 0) + 1), acc), expected);
        const got = totals(feature.name);
        expect(got.missing).toBe(values.filter((v) => v === null).length);
        expect(got.bins).toEqual(Array.from({ length: got.bins.length }, (_, i) => counts[i] ?? 0));
        if (feature.type === 'numeric') expect(got.values.sort((x, y) => x - y)).toEqual((values.filter((v) => v !== null) as number[]).sort((x, y) => x - y));
      }
    }
  });

  it('shows the same drift for both', async () => {
    const viewer = (await t.userWithRole('viewer')).headers;
    const drift = async (deploymentId: number, version: number, resolution: string) =>
      (await t.request<{ windows: unknown[] }>({ method: 'GET', url: `/api/v1/deployments/${deploymentId}/drift?from=${new Date(from).toISOString()}&to=${new Date(now).toISOString()}&resolution=${resolution}&version=${version}`, headers: viewer })).body.windows;
    for (const version of [1, 2]) {
      for (const resolution of ['1h', '15m']) {
        const a = await drift(sequential, version, resolution);
        expect(a.length).toBeGreaterThan(2);
        expect(await drift(concurrent, version, resolution)).toEqual(a);
      }
    }
  });
});
