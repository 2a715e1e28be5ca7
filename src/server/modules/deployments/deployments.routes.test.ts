import { parse } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../testing/build-test-app';
import { promotionClient } from '../promotions/testing/promotion-client';
import { createModelVersion } from '../promotions/testing/registry-fixtures';

let t: TestApp;
let api: ReturnType<typeof promotionClient>;
type Person = Awaited<ReturnType<TestApp['userWithRole']>>;
let engineer: Person;
let admin: Person;
let ingest: Person;

beforeAll(async () => {
  t = await buildTestApp();
  api = promotionClient(t);
  engineer = await t.userWithRole('ml-engineer', 'erin');
  admin = await t.userWithRole('admin', 'ada');
  ingest = await t.userWithRole('ingest', 'kserve-poller');
  for (const version of [1, 2]) await createModelVersion(t.database.handle.db, { name: 'churn', version });
  await api.create(engineer.headers, { kind: 'promote', modelName: 'churn', environment: 'staging', version: 1, strategy: 'direct', justification: 'first' });
});
afterAll(() => t.close());

describe('serving integration', () => {
  it('tells a serving system what to serve, with an ETag that answers 304 until it changes', async () => {
    const first = await t.request<{ stable: unknown; revision: number }>({ method: 'GET', url: '/api/v1/deployments/churn/staging', headers: ingest.headers });
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ revision: 1, stable: { version: 1, modelUri: 'models:/churn/1' }, canary: null });
    const etag = first.headers.etag as string;
    expect(etag).toMatch(/^"1-/);
    expect(first.headers['cache-control']).toBe('no-cache');

    const again = await t.app.inject({ method: 'GET', url: '/api/v1/deployments/churn/staging', headers: { ...ingest.headers, 'if-none-match': etag } });
    expect(again.statusCode).toBe(304);
    expect(again.body).toBe('');

    await api.create(engineer.headers, { kind: 'promote', modelName: 'churn', environment: 'staging', version: 2, strategy: 'direct', justification: 'second' });
    const changed = await t.request<{ stable: { version: number } }>({ method: 'GET', url: '/api/v1/deployments/churn/staging', headers: { ...ingest.headers, 'if-none-match': etag } });
    expect(changed.status).toBe(200);
    expect(changed.body.stable.version).toBe(2);
    expect(changed.headers.etag).not.toBe(etag);
  });

  it('answers 404 for a model with no deployment there', async () => {
    const response = await t.request<{ error: { message: string } }>({ method: 'GET', url: '/api/v1/deployments/churn/production', headers: ingest.headers });
    expect(response.status).toBe(404);
    expect(response.body.error.message).toBe('churn has no deployment in production');
  });

  it('exports a KServe InferenceService with canaryTrafficPercent during a canary', async () => {
    await api.setPolicy(admin.headers, 'staging', { gates: [] });
    await api.create(engineer.headers, { kind: 'rollback', modelName: 'churn', environment: 'staging', version: 1, justification: 'back to one' });
    const canary = await api.create(engineer.headers, { kind: 'promote', modelName: 'churn', environment: 'staging', version: 2, strategy: 'canary', canarySteps: [25, 100], justification: 'try two' });
    expect(canary.body.request.state).toBe('applied');
    const response = await t.request<{ fileName: string; yaml: string }>({ method: 'GET', url: '/api/v1/deployments/churn/staging/manifest', headers: ingest.headers });
    expect(response.body.fileName).toBe('churn-staging.inferenceservice.yaml');
    const manifest = parse(response.body.yaml);
    expect(manifest).toMatchObject({
      apiVersion: 'serving.kserve.io/v1beta1',
      kind: 'InferenceService',
      metadata: { name: 'churn-staging', annotations: { 'sextant.io/stable-version': '1', 'sextant.io/canary-version': '2' } },
      spec: { predictor: { canaryTrafficPercent: 25, model: { modelFormat: { name: 'mlflow' }, storageUri: 's3://models/churn/2' } } },
    });
  });

  it('lists every deployment with the environments, and a deployment with its history', async () => {
    const list = await t.request<{ items: Array<{ id: string; environment: string }>; environments: Array<{ name: string }> }>({ method: 'GET', url: '/api/v1/deployments', headers: engineer.headers });
    expect(list.body.environments.map((e) => e.name)).toEqual(['staging', 'production']);
    const staging = list.body.items.find((d) => d.environment === 'staging')!;
    const detail = await t.request<{ history: Array<{ change: string; stableVersion: number }>; nextCanaryStep: number | null; lastKnownGood: number }>({
      method: 'GET', url: `/api/v1/deployments/${staging.id}`, headers: engineer.headers,
    });
    expect(detail.body.history.map((h) => h.change)).toEqual(['canary-start', 'rollback', 'promote', 'promote']);
    expect(detail.body.lastKnownGood).toBe(1);
    expect(detail.body.nextCanaryStep).toBeNull();
  });

  it('refuses the ingest role anything but reading what to serve', async () => {
    expect((await t.request({ method: 'GET', url: '/api/v1/promotions/requests', headers: ingest.headers })).status).toBe(200);
    expect((await t.request({ method: 'POST', url: '/api/v1/promotions/requests', headers: ingest.headers, payload: {} })).status).toBe(403);
  });
});

describe('environments (admin, audited)', () => {
  it('creates an environment with a default policy, and refuses an alias another environment owns', async () => {
    const created = await t.request({
      method: 'POST', url: '/api/v1/environments', headers: admin.headers,
      payload: { name: 'shadow', order: 3, protected: true, ownedAliases: ['shadow', 'shadow-canary'], description: 'Mirrored traffic' },
    });
    expect(created.status).toBe(201);
    const policies = await t.request<{ items: Array<{ scope: string; policy: { requiredApprovals: number } }> }>({ method: 'GET', url: '/api/v1/policies', headers: admin.headers });
    expect(policies.body.items.find((p) => p.scope === 'shadow')?.policy.requiredApprovals).toBe(1);

    const clash = await t.request<{ error: { message: string } }>({ method: 'PATCH', url: '/api/v1/environments/shadow', headers: admin.headers, payload: { ownedAliases: ['production'] } });
    expect(clash.status).toBe(400);
    expect(clash.body.error.message).toBe('The alias "production" is already owned by production');

    const audit = (await api.audit()).filter((e) => e.entity_type === 'environment' || e.entity_id === 'shadow');
    expect(audit.map((e) => [e.action, e.entity_type, e.entity_id])).toEqual([
      ['environment.created', 'environment', 'shadow'],
      ['policy.created', 'policy', 'shadow'],
    ]);
  });

  it('audits policy overrides per model under <environment>/<model>', async () => {
    const policy = (await t.request<{ items: Array<{ scope: string; policy: object }> }>({ method: 'GET', url: '/api/v1/policies', headers: admin.headers })).body.items.find((p) => p.scope === 'production')!.policy;
    const put = await t.request({ method: 'PUT', url: '/api/v1/policies/production/churn', headers: admin.headers, payload: { ...policy, requiredApprovals: 2 } });
    expect(put.status).toBe(200);
    const badRole = await t.request({ method: 'PUT', url: '/api/v1/policies/production/churn', headers: admin.headers, payload: { ...policy, approverRoles: ['viewer'] } });
    expect(badRole.status).toBe(400);
    const removed = await t.request({ method: 'DELETE', url: '/api/v1/policies/production/churn', headers: admin.headers });
    expect(removed.status).toBe(200);
    const audit = (await api.audit('policy')).filter((e) => e.entity_id === 'production/churn');
    expect(audit.map((e) => e.action)).toEqual(['policy.created', 'policy.deleted']);
  });
});
