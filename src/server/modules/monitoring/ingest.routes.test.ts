import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../testing/build-test-app';
import { seedDeployment } from './monitoring-test-seed';

let t: TestApp;
let deploymentId: number;
let ingest: Record<string, string>;
const now = Date.now();
const csv = ['age,plan,income', ...Array.from({ length: 200 }, (_, i) => `${20 + (i % 50)},${i % 3 === 0 ? 'pro' : 'free'},${1000 + i * 10}`)].join('\n');

beforeAll(async () => {
  t = await buildTestApp();
  ({ deploymentId } = await seedDeployment(t.database.handle.db));
  ingest = (await t.userWithRole('ingest')).headers;
  const scientist = await t.userWithRole('data-scientist');
  const upload = await t.request({ method: 'POST', url: '/api/v1/models/churn/versions/1/reference', headers: { ...scientist.headers, 'content-type': 'text/csv' }, payload: csv });
  expect(upload.status).toBe(201);
});
afterAll(() => t.close());

const event = (overrides: Record<string, unknown> = {}) => ({
  timestamp: new Date(now - 60_000).toISOString(),
  modelVersion: 1,
  latencyMs: 42,
  features: { age: 33, plan: 'pro', income: 1500 },
  prediction: 0.7,
  ...overrides,
});

const post = (events: unknown[]) =>
  t.request<{ accepted: number; rejected: Array<{ index: number; reason: string }> }>({ method: 'POST', url: `/api/v1/deployments/${deploymentId}/predictions`, headers: ingest, payload: { events } });

async function latencyCounts(resolution = '1d') {
  const response = await t.request<{ windows: Array<{ count: number; errors: number }> }>({
    method: 'GET',
    url: `/api/v1/deployments/${deploymentId}/latency?version=1&resolution=${resolution}&from=${new Date(now - 40 * 86_400_000).toISOString()}&to=${new Date(now + 60_000).toISOString()}`,
    headers: ingest.authorization ? (await t.userWithRole('viewer')).headers : {},
  });
  return response.body.windows.reduce((s, w) => ({ count: s.count + w.count, errors: s.errors + w.errors }), { count: 0, errors: 0 });
}

describe('prediction ingestion', () => {
  it('accepts good events and reports every bad one by index, without poisoning the aggregates', async () => {
    const before = await latencyCounts();
    const cases: Array<[Record<string, unknown> | unknown, RegExp]> = [
      [event({ features: { age: 'old', plan: 'pro', income: 1500 } }), /feature "age" is not a number/],
      [event({ features: { age: 33, plan: 'pro' } }), /missing feature "income"/],
      [event({ features: { age: 33, plan: 'pro', income: 1, extra: 1 } }), /unknown feature "extra"/],
      [event({ features: { age: 'NaN', plan: 'pro', income: 1500 } }), /feature "age" is not a number/],
      [event({ features: { age: 33, plan: ['pro'], income: 1500 } }), /feature "plan" is not a number, string or boolean/],
      [event({ latencyMs: -5 }), /latencyMs is negative/],
      [event({ latencyMs: 3_600_000 }), /latencyMs is above/],
      [event({ latencyMs: 'fast' }), /latencyMs is missing or not a number/],
      [event({ timestamp: new Date(now + 3_600_000).toISOString() }), /timestamp is in the future/],
      [event({ timestamp: new Date(now - 90 * 86_400_000).toISOString() }), /timestamp is older than 30 days/],
      [event({ timestamp: 'yesterday' }), /timestamp is missing/],
      [event({ modelVersion: 9 }), /version 9 is not a version of this model/],
      [event({ modelVersion: 3 }), /version 3 was not serving/],
      [event({ modelVersion: 'v1' }), /modelVersion is missing/],
      [event({ prediction: undefined }), /prediction is missing/],
      [event({ features: 'age=3' }), /features is missing or not an object/],
      ['not an object', /event is not a JSON object/],
    ];
    const result = await post([event(), ...cases.map(([e]) => e), event({ error: true, label: 1 })]);
    expect(result.status).toBe(200);
    expect(result.body.accepted).toBe(2);
    expect(result.body.rejected.map((r) => r.index)).toEqual(cases.map((_, i) => i + 1));
    cases.forEach(([, reason], i) => expect(result.body.rejected[i]?.reason).toMatch(reason));
    const after = await latencyCounts();
    expect(after.count - before.count).toBe(2);
    expect(after.errors - before.errors).toBe(1);
  });

  it('counts every event of batches posted at the same time once, in minute, hourly and daily windows', async () => {
    const before = await Promise.all(['1m', '1h', '1d'].map((r) => latencyCounts(r)));
    const sizes = [3, 5, 7, 11];
    const results = await Promise.all(sizes.map((n) => post(Array.from({ length: n }, (_, i) => event({ timestamp: new Date(now - (i + 1) * 60_000).toISOString() })))));
    expect(results.map((r) => r.body.accepted)).toEqual(sizes);
    const after = await Promise.all(['1m', '1h', '1d'].map((r) => latencyCounts(r)));
    expect(after.map((a, i) => a.count - (before[i]?.count ?? 0))).toEqual([26, 26, 26]);
  });

  it('reads NDJSON line by line and reports malformed lines (including NaN and Infinity literals)', async () => {
    const lines = [JSON.stringify(event()), '{"timestamp": ', JSON.stringify(event()).replace('"age":33', '"age":NaN'), JSON.stringify(event()).replace('"income":1500', '"income":1e999'), '', JSON.stringify(event())];
    const result = await t.request<{ accepted: number; rejected: Array<{ index: number; reason: string }> }>({
      method: 'POST',
      url: `/api/v1/deployments/${deploymentId}/predictions`,
      headers: { ...ingest, 'content-type': 'application/x-ndjson' },
      payload: lines.join('\n'),
    });
    expect(result.status).toBe(200);
    expect(result.body.accepted).toBe(2);
    expect(result.body.rejected).toEqual([
      { index: 1, reason: 'line is not valid JSON' },
      { index: 2, reason: 'line is not valid JSON' },
      { index: 3, reason: 'feature "income" is not a finite number' },
    ]);
  });

  it('refuses more than 10,000 events, a body without events, an unknown deployment and roles without ingest', async () => {
    const tooMany = await post(Array.from({ length: 10_001 }, () => event()));
    expect(tooMany.status).toBe(400);
    const noEvents = await t.request({ method: 'POST', url: `/api/v1/deployments/${deploymentId}/predictions`, headers: ingest, payload: { items: [] } });
    expect(noEvents.status).toBe(400);
    const unknown = await t.request({ method: 'POST', url: '/api/v1/deployments/999/predictions', headers: ingest, payload: { events: [event()] } });
    expect(unknown.status).toBe(404);
    const viewer = await t.userWithRole('viewer');
    const forbidden = await t.request({ method: 'POST', url: `/api/v1/deployments/${deploymentId}/predictions`, headers: viewer.headers, payload: { events: [event()] } });
    expect(forbidden.status).toBe(403);
    const anonymous = await t.request({ method: 'POST', url: `/api/v1/deployments/${deploymentId}/predictions`, payload: { events: [event()] } });
    expect(anonymous.status).toBe(401);
    const ingestCannotRead = await t.request({ method: 'GET', url: `/api/v1/deployments/${deploymentId}/latency`, headers: ingest });
    expect(ingestCannotRead.status).toBe(403);
  });

  it('admits four batches at a time and lines up 64 more, refuses the rest with Retry-After, and answers each admitted batch once committed', async () => {
    const before = await latencyCounts('1m');
    // Four batches whose bodies arrive only when we say: admitted, they hold every place.
    const held = Array.from({ length: 4 }, () => {
      let reading = () => {};
      const started = new Promise<void>((resolve) => (reading = resolve));
      const body = new Readable({ read: () => reading() });
      const response = t.request<{ accepted: number }>({ method: 'POST', url: `/api/v1/deployments/${deploymentId}/predictions`, headers: { ...ingest, 'content-type': 'application/json' }, payload: body });
      return { body, started, response };
    });
    await Promise.all(held.map((h) => h.started));
    const others = Array.from({ length: 65 }, () => post([event()]));
    const first = await Promise.race(others.map((response, index) => response.then((r) => ({ index, ...r }))));
    expect(first.status).toBe(503);
    expect(first.headers['retry-after']).toBe('1');
    for (const h of held) {
      h.body.push(JSON.stringify({ events: [event()] }));
      h.body.push(null);
    }
    expect((await Promise.all(held.map((h) => h.response))).map((r) => r.body.accepted)).toEqual([1, 1, 1, 1]);
    const answered = await Promise.all(others.filter((_, index) => index !== first.index));
    expect(answered.map((r) => r.body.accepted)).toEqual(new Array(64).fill(1));
    expect((await latencyCounts('1m')).count - before.count).toBe(68);
  });

  it('refuses a body over 32 MiB and a content type other than JSON or NDJSON', async () => {
    const big = await t.request({ method: 'POST', url: `/api/v1/deployments/${deploymentId}/predictions`, headers: { ...ingest, 'content-type': 'application/json' }, payload: Buffer.alloc(33 * 1024 * 1024, 32) });
    expect(big.status).toBe(413);
    const csvBody = await t.request({ method: 'POST', url: `/api/v1/deployments/${deploymentId}/predictions`, headers: { ...ingest, 'content-type': 'text/csv' }, payload: 'a,b\n1,2' });
    expect(csvBody.status).toBe(415);
    const poisoned = await t.request({ method: 'POST', url: `/api/v1/deployments/${deploymentId}/predictions`, headers: { ...ingest, 'content-type': 'application/json' }, payload: '{"events": [], "__proto__": {"x": 1}}' });
    expect(poisoned.status).toBe(400);
  });

  it('joins late labels by id and rejects unknown and repeated ids', async () => {
    const ids = ['a-1', 'a-2', 'a-3'];
    await post(ids.map((id, i) => event({ id, prediction: i % 2 === 0 ? 'yes' : 'no' })));
    const labels = await t.request<{ accepted: number; rejected: Array<{ index: number; reason: string }> }>({
      method: 'POST',
      url: `/api/v1/deployments/${deploymentId}/labels`,
      headers: ingest,
      payload: { labels: [{ id: 'a-1', label: 'yes' }, { id: 'a-2', label: 'yes' }, { id: 'nope', label: 'no' }, { id: 'a-1', label: 'no' }] },
    });
    expect(labels.status).toBe(200);
    expect(labels.body.accepted).toBe(2);
    expect(labels.body.rejected.map((r) => r.index)).toEqual([2, 3]);
    const viewer = await t.userWithRole('viewer');
    const performance = await t.request<{ taskType: string; windows: Array<{ labelled: number; values: Record<string, number> }> }>({
      method: 'GET',
      url: `/api/v1/deployments/${deploymentId}/performance?version=1&resolution=1d&from=${new Date(now - 86_400_000).toISOString()}`,
      headers: viewer.headers,
    });
    expect(performance.status).toBe(200);
    const labelled = performance.body.windows.reduce((s, w) => s + w.labelled, 0);
    expect(labelled).toBeGreaterThanOrEqual(2);
  });
});
