import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../audit/audit-verify';
import { buildTestApp, type TestApp } from '../../testing/build-test-app';
import { promotionClient } from './testing/promotion-client';
import { createModelVersion } from './testing/registry-fixtures';

let t: TestApp;
let api: ReturnType<typeof promotionClient>;
type Person = Awaited<ReturnType<TestApp['userWithRole']>>;
let engineer: Person;
let approver: Person;
let admin: Person;

const justification = 'Better AUC on the October backtest';

beforeAll(async () => {
  t = await buildTestApp();
  api = promotionClient(t);
  [engineer, approver, admin] = [await t.userWithRole('ml-engineer', 'erin'), await t.userWithRole('approver', 'alice'), await t.userWithRole('admin', 'ada')];
  const db = t.database.handle.db;
  const tags = { model_card: 'yes', validated_by: 'alice' };
  await createModelVersion(db, { name: 'churn', version: 1, metrics: { auc: 0.86, f1: 0.7 }, params: { depth: '6' }, tags, datasets: [{ name: 'train-2026-09', digest: 'abc123', context: 'training' }] });
  await createModelVersion(db, { name: 'churn', version: 2, metrics: { auc: 0.88, f1: 0.72 }, params: { depth: '8' }, tags, datasets: [{ name: 'train-2026-10', digest: 'def456', context: 'training' }] });
  await createModelVersion(db, { name: 'churn', version: 3, metrics: { auc: 0.9 }, tags });
});
afterAll(() => t.close());

describe('promotion flows', () => {
  it('applies a staging promotion at once: gates only, no approval', async () => {
    const created = await api.create(engineer.headers, { kind: 'promote', modelName: 'churn', environment: 'staging', version: 1, strategy: 'direct', justification });
    expect(created.status).toBe(201);
    expect(created.body.request).toMatchObject({ state: 'applied', requiredApprovals: 0, version: 1 });
    expect(created.body.gates).toEqual([expect.objectContaining({ label: 'MLmodel signature present', status: 'pass' })]);
    expect(await api.alias('churn', 'staging')).toEqual({ version: 1 });
    expect(await api.deployment('churn', 'staging')).toMatchObject({ stable_version: 1, status: 'stable', revision: 1 });
    expect((await api.outbox()).map((e) => e.event_type)).toEqual(['promotion.request.created', 'promotion.request.applied', 'deployment.changed']);
  });

  it('promotes to production after one approval by an approver, moving the alias and auditing every step', async () => {
    const created = await api.create(engineer.headers, { kind: 'promote', modelName: 'churn', environment: 'production', version: 1, strategy: 'blue-green', justification });
    expect(created.body.request).toMatchObject({ state: 'pending', requiredApprovals: 1, approverRoles: ['approver', 'admin'] });
    expect(created.body.request.expiresAt).not.toBeNull();
    expect(created.body.gates.map((g) => [g.label, g.status, g.message])).toEqual([
      ['MLmodel signature present', 'pass', 'The MLmodel declares an input signature'],
      ['no critical drift against the reference', 'warning', 'No live predictions for v1 in the last 24 h: drift was not checked'],
    ]);
    expect(created.body.yourActions).toEqual(['cancel', 'comment']);
    const id = created.body.request.id;

    const inbox = await t.request<{ items: Array<{ id: string }> }>({ method: 'GET', url: '/api/v1/promotions/requests?view=mine-to-approve', headers: approver.headers });
    expect(inbox.body.items.map((i) => i.id)).toEqual([id]);
    const mine = await t.request<{ items: Array<{ id: string }> }>({ method: 'GET', url: '/api/v1/promotions/requests?view=my-requests', headers: engineer.headers });
    expect(mine.body.items.map((i) => i.id)).toContain(id);
    const notMine = await t.request<{ items: unknown[] }>({ method: 'GET', url: '/api/v1/promotions/requests?view=mine-to-approve', headers: engineer.headers });
    expect(notMine.body.items).toEqual([]);

    const approved = await api.act(approver.headers, id, 'approve', { comment: 'Backtest reviewed' });
    expect(approved.status).toBe(200);
    expect(approved.body.request).toMatchObject({ state: 'approved', approvalCount: 1 });
    expect(approved.body.decisions).toEqual([expect.objectContaining({ user: expect.objectContaining({ username: 'alice' }), decision: 'approve', comment: 'Backtest reviewed' })]);
    expect(await api.alias('churn', 'production')).toBeUndefined();

    const applied = await api.act(engineer.headers, id, 'apply');
    expect(applied.status).toBe(200);
    expect(applied.body.request).toMatchObject({ state: 'applied', appliedBy: 'erin' });
    expect(applied.body.deployment).toMatchObject({ stableVersion: 1, status: 'stable', strategy: 'blue-green', requestId: id });
    expect(await api.alias('churn', 'production')).toEqual({ version: 1 });
    expect(applied.body.events.map((e) => e.kind)).toEqual(['created', 'approved', 'applied']);

    const audit = (await api.audit()).filter(
      (e) => (e.entity_type === 'promotion-request' && e.entity_id === id) || e.entity_id === 'churn/production' || e.entity_id === 'churn@production',
    );
    expect(audit.map((e) => [e.action, e.actor_name])).toEqual([
      ['promotion-request.created', 'erin'],
      ['promotion-request.approved', 'alice'],
      ['promotion-request.applied', 'erin'],
      ['deployment.promote', 'erin'],
      ['model-alias.moved', 'erin'],
    ]);
    const deploymentEvent = audit.find((e) => e.action === 'deployment.promote');
    expect(JSON.parse(deploymentEvent?.after_json ?? '{}')).toEqual({ stableVersion: 1, canaryVersion: null, canaryWeight: 0, status: 'stable', requestId: id });
    expect(deploymentEvent?.justification).toBe(justification);
    expect(JSON.parse(audit.at(-1)?.after_json ?? '{}')).toEqual({ version: 1 });
  });

  it('runs a canary through its steps and promotes it, with webhooks for each step', async () => {
    const created = await api.create(engineer.headers, {
      kind: 'promote', modelName: 'churn', environment: 'production', version: 2, strategy: 'canary', canarySteps: [10, 50, 100], justification,
    });
    expect(created.body.request).toMatchObject({ state: 'pending', targetWeight: 10, canarySteps: [10, 50, 100], fromVersion: 1 });
    // The diff against what serves now.
    expect(created.body.comparison.candidate).toMatchObject({ version: 2, metrics: { auc: 0.88 }, params: { depth: '8' }, datasets: [{ name: 'train-2026-10', context: 'training' }] });
    expect(created.body.comparison.serving).toMatchObject({ version: 1, metrics: { auc: 0.86 }, params: { depth: '6' } });
    await api.act(approver.headers, created.body.request.id, 'approve');
    const started = await api.act(engineer.headers, created.body.request.id, 'apply');
    expect(started.body.deployment).toMatchObject({ stableVersion: 1, canaryVersion: 2, canaryWeight: 10, status: 'canary' });

    const stepped = await api.create(engineer.headers, { kind: 'canary-step', modelName: 'churn', environment: 'production', justification: 'Error rate flat for an hour' });
    expect(stepped.body.request).toMatchObject({ state: 'applied', targetWeight: 50, requiredApprovals: 0 });
    expect(stepped.body.deployment).toMatchObject({ canaryWeight: 50, canaryVersion: 2, stableVersion: 1 });

    const serving = await t.request<{ canary: { weight: number; modelUri: string } }>({ method: 'GET', url: '/api/v1/deployments/churn/production', headers: engineer.headers });
    expect(serving.body.canary).toEqual({ version: 2, modelUri: 'models:/churn/2', weight: 50 });

    const promoted = await api.create(engineer.headers, { kind: 'canary-promote', modelName: 'churn', environment: 'production', justification: 'Canary healthy at 50 %' });
    expect(promoted.body.deployment).toMatchObject({ stableVersion: 2, canaryVersion: null, canaryWeight: 0, status: 'stable' });
    expect(await api.alias('churn', 'production')).toEqual({ version: 2 });
    const events = (await api.outbox()).map((e) => e.event_type);
    expect(events.filter((e) => e.startsWith('canary.'))).toEqual(['canary.stepped', 'canary.stepped', 'canary.promoted']);
  });

  it('rolls back at once with break-glass and a written justification, notifying approvers', async () => {
    const detail = await t.request<{ lastKnownGood: number }>({ method: 'GET', url: `/api/v1/deployments/${(await api.deployment('churn', 'production'))?.id}`, headers: engineer.headers });
    expect(detail.body.lastKnownGood).toBe(1);
    const rollback = await api.create(engineer.headers, {
      kind: 'rollback', modelName: 'churn', environment: 'production', breakGlass: true, justification: 'Latency doubled after the canary was promoted',
    });
    expect(rollback.status).toBe(201);
    expect(rollback.body.request).toMatchObject({ kind: 'rollback', version: 1, breakGlass: true, state: 'applied' });
    expect(await api.alias('churn', 'production')).toEqual({ version: 1 });
    const outbox = await api.outbox();
    const notice = outbox.find((e) => e.event_type === 'rollback.break-glass');
    expect(JSON.parse(notice?.payload_json ?? '{}')).toMatchObject({ notify: ['approver', 'admin'], justification: 'Latency doubled after the canary was promoted', by: 'erin' });
    expect(outbox.some((e) => e.event_type === 'rollback.applied')).toBe(true);
    const audited = (await api.audit('deployment')).at(-1);
    expect(audited).toMatchObject({ action: 'deployment.rollback', actor_name: 'erin', justification: 'Latency doubled after the canary was promoted' });
  });

  it('takes comments and keeps them on the timeline', async () => {
    const created = await api.create(engineer.headers, { kind: 'promote', modelName: 'churn', environment: 'production', version: 3, strategy: 'direct', justification });
    const commented = await api.act(approver.headers, created.body.request.id, 'comments', { body: 'Which backtest window?' });
    expect(commented.status).toBe(201);
    expect(commented.body.comments).toEqual([expect.objectContaining({ body: 'Which backtest window?', user: expect.objectContaining({ username: 'alice' }) })]);
    expect(commented.body.events.map((e) => e.kind)).toEqual(['created', 'commented']);
    await api.act(engineer.headers, created.body.request.id, 'cancel', { comment: 'Superseded' });
  });

  it('applies on approval when the policy auto-applies', async () => {
    await api.setPolicy(admin.headers, 'production', { autoApply: true });
    const created = await api.create(engineer.headers, { kind: 'promote', modelName: 'churn', environment: 'production', version: 3, strategy: 'direct', justification });
    const approved = await api.act(approver.headers, created.body.request.id, 'approve');
    expect(approved.body.request).toMatchObject({ state: 'applied', appliedBy: 'system' });
    expect(await api.alias('churn', 'production')).toEqual({ version: 3 });
    await api.setPolicy(admin.headers, 'production', { autoApply: false });
  });

  it('keeps the audit chain intact', async () => {
    expect(await verifyAuditChain(t.database.handle)).toMatchObject({ ok: true });
  });
});
