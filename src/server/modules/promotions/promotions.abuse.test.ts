import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../testing/build-test-app';
import { findEnvironmentOwningAlias } from '../deployments/environments.repository';
import { promotionClient } from './testing/promotion-client';
import { createModelVersion, setVersionTag } from './testing/registry-fixtures';

let t: TestApp;
let api: ReturnType<typeof promotionClient>;
type Person = Awaited<ReturnType<TestApp['userWithRole']>>;
let engineer: Person;
let engineer2: Person;
let approver: Person;
let approver2: Person;
let admin: Person;
let viewer: Person;
let modelCounter = 0;
let model: string;

const justification = 'Passes the offline evaluation';

beforeAll(async () => {
  t = await buildTestApp();
  api = promotionClient(t);
  engineer = await t.userWithRole('ml-engineer', 'erin');
  engineer2 = await t.userWithRole('ml-engineer', 'eve');
  approver = await t.userWithRole('approver', 'alice');
  approver2 = await t.userWithRole('approver', 'bob');
  admin = await t.userWithRole('admin', 'ada');
  viewer = await t.userWithRole('viewer', 'vic');
});
afterAll(() => t.close());

// A fresh model per test, with version 1 serving in production and versions 2 and 3 to promote.
beforeEach(async () => {
  model = `fraud-${++modelCounter}`;
  for (const version of [1, 2, 3]) await createModelVersion(t.database.handle.db, { name: model, version, metrics: { auc: 0.8 + version / 100 }, tags: { model_card: 'yes' } });
  const first = await api.create(engineer.headers, { kind: 'promote', modelName: model, environment: 'production', version: 1, strategy: 'direct', justification });
  await api.act(approver.headers, first.body.request.id, 'approve');
  expect((await api.act(engineer.headers, first.body.request.id, 'apply')).status).toBe(200);
});

const promote = (version: number, who: Person = engineer) =>
  api.create(who.headers, { kind: 'promote', modelName: model, environment: 'production', version, strategy: 'direct', justification });

async function deniedAudits(entityType: string, entityId: string) {
  return (await api.audit(entityType)).filter((e) => e.action === 'access.denied' && e.entity_id === entityId);
}

async function unchanged(expectedStable = 1) {
  expect(await api.deployment(model, 'production')).toMatchObject({ stable_version: expectedStable, revision: 1 });
  expect(await api.alias(model, 'production')).toEqual({ version: expectedStable });
}

describe('bad input and abuse: refused with a clear 4xx, nothing changed, authorisation failures audited', () => {
  it('refuses self-approval (an admin approving their own request)', async () => {
    const request = await promote(2, admin);
    const response = await api.act(admin.headers, request.body.request.id, 'approve');
    expect(response.status).toBe(403);
    expect(response.body.error?.message).toBe('Requesters cannot decide on their own request');
    expect((await api.get(admin.headers, request.body.request.id)).body.request).toMatchObject({ state: 'pending', approvalCount: 0 });
    expect(await deniedAudits('promotion-request', request.body.request.id)).toHaveLength(1);
  });

  it('refuses a second decision by the same approver', async () => {
    await api.setPolicy(admin.headers, 'production', { requiredApprovals: 2 });
    try {
      const request = await promote(2);
      expect((await api.act(approver.headers, request.body.request.id, 'approve')).status).toBe(200);
      const again = await api.act(approver.headers, request.body.request.id, 'approve');
      expect(again.status).toBe(409);
      expect(again.body.error?.message).toBe('You have already decided on this request');
      expect((await api.get(approver.headers, request.body.request.id)).body.request).toMatchObject({ state: 'pending', approvalCount: 1 });
    } finally {
      await api.setPolicy(admin.headers, 'production', { requiredApprovals: 1 });
    }
  });

  it('refuses an approval by a role the policy does not name', async () => {
    await api.setPolicy(admin.headers, 'production', { approverRoles: ['admin'] });
    try {
      const request = await promote(2);
      const response = await api.act(approver.headers, request.body.request.id, 'approve');
      expect(response.status).toBe(403);
      expect(response.body.error?.message).toMatch(/accepts decisions from admin, not approver/);
      expect(await deniedAudits('promotion-request', request.body.request.id)).toEqual([
        expect.objectContaining({ actor_name: 'alice', after_json: expect.stringContaining('"action":"approve"') }),
      ]);
    } finally {
      await api.setPolicy(admin.headers, 'production', { approverRoles: ['approver', 'admin'] });
    }
  });

  it('refuses approval of an expired request and records the expiry', async () => {
    const request = await promote(2);
    await t.database.handle.db.updateTable('promotion_requests').set({ expires_at: Date.now() - 1000 }).where('id', '=', Number(request.body.request.id)).execute();
    const response = await api.act(approver.headers, request.body.request.id, 'approve');
    expect(response.status).toBe(409);
    expect(response.body.error?.message).toMatch(/expired/);
    const after = await api.get(approver.headers, request.body.request.id);
    expect(after.body.request.state).toBe('expired');
    expect((await api.audit('promotion-request')).filter((e) => e.entity_id === request.body.request.id).map((e) => [e.action, e.actor_name])).toContainEqual([
      'promotion-request.expired',
      'system',
    ]);
  });

  it('refuses approval of a cancelled request', async () => {
    const request = await promote(2);
    expect((await api.act(engineer.headers, request.body.request.id, 'cancel', { comment: 'Wrong version' })).status).toBe(200);
    const response = await api.act(approver.headers, request.body.request.id, 'approve');
    expect(response.status).toBe(409);
    expect(response.body.error?.message).toMatch(/cancelled/);
  });

  it('refuses approval of an applied request', async () => {
    const request = await promote(2);
    await api.act(approver.headers, request.body.request.id, 'approve');
    await api.act(engineer.headers, request.body.request.id, 'apply');
    const response = await api.act(approver2.headers, request.body.request.id, 'approve');
    expect(response.status).toBe(409);
    expect(response.body.error?.message).toMatch(/applied/);
  });

  it('refuses to apply without enough approvals', async () => {
    const request = await promote(2);
    const response = await api.act(engineer.headers, request.body.request.id, 'apply');
    expect(response.status).toBe(409);
    expect(response.body.error?.message).toBe('The request needs 1 more approval before it can be applied');
    await unchanged();
  });

  it('fails an apply cleanly when the deployment moved since the request', async () => {
    const first = await promote(2);
    const second = await promote(3);
    for (const r of [first, second]) await api.act(approver.headers, r.body.request.id, 'approve');
    expect((await api.act(engineer.headers, first.body.request.id, 'apply')).status).toBe(200);
    const stale = await api.act(engineer.headers, second.body.request.id, 'apply');
    expect(stale.status).toBe(409);
    expect(stale.body.error?.message).toMatch(/deployment changed since the request was made \(revision 1, now 2\); nothing changed/);
    expect(await api.deployment(model, 'production')).toMatchObject({ stable_version: 2, revision: 2 });
    expect(await api.alias(model, 'production')).toEqual({ version: 2 });
    expect((await api.get(engineer.headers, second.body.request.id)).body.request).toMatchObject({ state: 'failed', failureReason: expect.stringMatching(/revision 1, now 2/) });
  });

  it('leaves exactly one of two concurrent conflicting applies applied', async () => {
    const requests = [await promote(2), await promote(3, engineer2)];
    for (const r of requests) await api.act(approver.headers, r.body.request.id, 'approve');
    const results = await Promise.all([
      api.act(engineer.headers, requests[0]!.body.request.id, 'apply'),
      api.act(engineer2.headers, requests[1]!.body.request.id, 'apply'),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
    const deployment = await api.deployment(model, 'production');
    expect(deployment?.revision).toBe(2);
    const history = await t.database.handle.db.selectFrom('deployment_history').select('revision').where('deployment_id', '=', deployment!.id).execute();
    expect(history.map((h) => h.revision).sort()).toEqual([1, 2]);
    const winner = results.find((r) => r.status === 200)!;
    expect(await api.alias(model, 'production')).toEqual({ version: winner.body.request.version });
  });

  it('applies the same request once when two applies race', async () => {
    const request = await promote(2);
    await api.act(approver.headers, request.body.request.id, 'approve');
    const results = await Promise.all([1, 2].map(() => api.act(engineer.headers, request.body.request.id, 'apply')));
    expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
    expect(await api.deployment(model, 'production')).toMatchObject({ stable_version: 2, revision: 2 });
  });

  it('refuses an approver applying (route permission), audited', async () => {
    const request = await promote(2);
    await api.act(approver2.headers, request.body.request.id, 'approve');
    const response = await api.act(approver.headers, request.body.request.id, 'apply');
    expect(response.status).toBe(403);
    const denied = (await api.audit('route')).filter((e) => e.action === 'access.denied' && e.actor_name === 'alice');
    expect(denied.at(-1)?.entity_id).toBe('POST /api/v1/promotions/requests/:requestId/apply');
    await unchanged();
  });

  it('refuses a viewer calling any of it, each refusal audited', async () => {
    const request = await promote(2);
    const id = request.body.request.id;
    const calls = [
      { method: 'POST', url: '/api/v1/promotions/requests', payload: { kind: 'promote', modelName: model, environment: 'production', version: 2, strategy: 'direct', justification } },
      { method: 'POST', url: `/api/v1/promotions/requests/${id}/approve`, payload: {} },
      { method: 'POST', url: `/api/v1/promotions/requests/${id}/reject`, payload: { comment: 'no way' } },
      { method: 'POST', url: `/api/v1/promotions/requests/${id}/cancel`, payload: {} },
      { method: 'POST', url: `/api/v1/promotions/requests/${id}/apply` },
      { method: 'POST', url: '/api/v1/promotions/preview', payload: { modelName: model, environment: 'production', version: 2 } },
      { method: 'PUT', url: '/api/v1/policies/production', payload: {} },
      { method: 'POST', url: '/api/v1/environments', payload: {} },
      { method: 'POST', url: '/api/v1/webhooks', payload: {} },
    ] as const;
    for (const call of calls) {
      const response = await t.request({ ...call, headers: viewer.headers });
      expect(response.status, `${call.method} ${call.url}`).toBe(403);
    }
    const comment = await api.act(viewer.headers, id, 'comments', { body: 'Looks good to me' });
    expect(comment.status).toBe(403);
    const denied = (await api.audit()).filter((e) => e.action === 'access.denied' && e.actor_name === 'vic');
    expect(denied).toHaveLength(calls.length + 1);
    expect((await api.get(viewer.headers, id)).body.request).toMatchObject({ state: 'pending', approvalCount: 0 });
    await unchanged();
  });

  it('refuses a data scientist requesting a promotion', async () => {
    const scientist = await t.userWithRole('data-scientist');
    const response = await promote(2, scientist);
    expect(response.status).toBe(403);
  });

  it('refuses a break-glass rollback without a real justification, or by a role the policy excludes', async () => {
    const short = await api.create(engineer.headers, { kind: 'rollback', modelName: model, environment: 'production', version: 1, breakGlass: true, justification: 'oops' });
    expect(short.status).toBe(400);
    await api.setPolicy(admin.headers, 'production', { rollback: { allowedRoles: ['admin'], requiredApprovals: 1, breakGlass: true, notifyApprovers: true } });
    try {
      const excluded = await api.create(engineer.headers, { kind: 'rollback', modelName: model, environment: 'production', breakGlass: true, justification: 'Latency doubled after the release' });
      expect(excluded.status).toBe(403);
      expect(await deniedAudits('deployment', `${model}/production`)).toHaveLength(1);
    } finally {
      await api.setPolicy(admin.headers, 'production', { rollback: { allowedRoles: ['ml-engineer', 'admin'], requiredApprovals: 1, breakGlass: true, notifyApprovers: true } });
    }
  });

  it('records a request whose gate fails as failed with the reason, and accepts it once fixed', async () => {
    await api.setPolicy(admin.headers, 'production', { gates: [{ type: 'required-tags', tags: ['model_card', 'validated_by'] }] });
    try {
      const failing = await promote(2);
      expect(failing.status).toBe(201);
      expect(failing.body.request).toMatchObject({ state: 'failed', failureReason: 'Gate failed: tags present: model_card, validated_by (Missing tag: validated_by)' });
      expect(failing.body.gates[0]).toMatchObject({ status: 'fail', observed: 1, expected: 2 });
      await setVersionTag(t.database.handle.db, model, 2, 'validated_by', 'alice');
      const fixed = await promote(2);
      expect(fixed.body.request.state).toBe('pending');
    } finally {
      await api.setPolicy(admin.headers, 'production', { gates: [{ type: 'signature-present' }, { type: 'no-critical-drift' }] });
    }
  });

  it('re-checks gates just before apply: a tag removed after approval fails the apply', async () => {
    await api.setPolicy(admin.headers, 'production', { gates: [{ type: 'required-tags', tags: ['model_card'] }] });
    try {
      const request = await promote(2);
      await api.act(approver.headers, request.body.request.id, 'approve');
      await t.database.handle.db.deleteFrom('model_version_tags').where('name', '=', model).where('version', '=', 2).execute();
      const response = await api.act(engineer.headers, request.body.request.id, 'apply');
      expect(response.status).toBe(409);
      expect(response.body.error?.message).toMatch(/Missing tag: model_card.*re-checked before apply; nothing changed/);
      await unchanged();
    } finally {
      await api.setPolicy(admin.headers, 'production', { gates: [{ type: 'signature-present' }, { type: 'no-critical-drift' }] });
    }
  });

  it('refuses webhook-check gates at loopback or metadata addresses', async () => {
    for (const url of ['http://127.0.0.1:9000/check', 'http://169.254.169.254/latest']) {
      const response = await t.request({
        method: 'PUT', url: '/api/v1/policies/production', headers: admin.headers,
        payload: { ...(await currentPolicy()), gates: [{ type: 'webhook-check', url, timeoutMs: 1000 }] },
      });
      expect(response.status).toBe(400);
    }
  });

  it('knows which environment owns a protected alias (the registry refuses MLflow moves of these)', async () => {
    // The MLflow alias routes belong to the registry module (not on main yet): it calls this check.
    await t.database.handle.db.insertInto('registered_model_aliases').values({ name: model, alias: 'champion', version: 1 }).execute();
    expect(await findEnvironmentOwningAlias(t.database.handle.db, 'production')).toMatchObject({ name: 'production', protected: true });
    expect(await findEnvironmentOwningAlias(t.database.handle.db, 'champion')).toBeNull();
  });
});

async function currentPolicy() {
  const list = await t.request<{ items: Array<{ scope: string; policy: unknown }> }>({ method: 'GET', url: '/api/v1/policies', headers: admin.headers });
  return list.body.items.find((p) => p.scope === 'production')?.policy as Record<string, unknown>;
}
