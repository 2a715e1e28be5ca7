import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { AsOfEntity } from '../../../shared/contract/audit';
import { appendTestEvents, type TestEvent } from '../../testing/audit-events';
import { buildTestApp, type TestApp } from '../../testing/build-test-app';

let t: TestApp;
let auditor: Record<string, string>;

const deployment = (stableVersion: number, requestId: string): TestEvent => ({
  action: 'deployment.promoted',
  entityType: 'deployment',
  entityId: 'fraud/production',
  after: { stableVersion, canaryVersion: null, canaryWeight: 0, status: 'stable', requestId },
});
const promotion = (requestId: string, version: number): TestEvent[] => [
  { action: 'promotion.requested', entityType: 'promotion-request', entityId: requestId, actor: 'rita', after: { model: 'fraud', environment: 'production', version } },
  { action: 'promotion.gates-evaluated', entityType: 'promotion-request', entityId: requestId, actor: 'system', after: { gates: [{ name: 'drift', passed: true }] } },
  { action: 'promotion.approved', entityType: 'promotion-request', entityId: requestId, actor: 'ada', justification: 'looks good' },
];

async function at(time: string, events: TestEvent[]) {
  vi.setSystemTime(new Date(time));
  await appendTestEvents(t.database.handle, events);
}

beforeAll(async () => {
  t = await buildTestApp();
  auditor = (await t.userWithRole('auditor')).headers;
  vi.useFakeTimers({ toFake: ['Date'] });
  await at('2026-01-01T10:00:00Z', [
    ...promotion('5', 1),
    deployment(1, '5'),
    { action: 'model-alias.set', entityType: 'model-alias', entityId: 'fraud@production', after: { version: 1 } },
    { action: 'policy.created', entityType: 'policy', entityId: 'production', after: { approvers: 'approver', minApprovals: 1 } },
    { action: 'model-alias.set', entityType: 'model-alias', entityId: 'fraud@canary', after: { version: 1 } },
  ]);
  await at('2026-01-02T10:00:00Z', [
    ...promotion('6', 2),
    { action: 'promotion.requested', entityType: 'promotion-request', entityId: '9', after: { model: 'fraud', environment: 'production', version: 3 } },
    deployment(2, '6'),
    { action: 'model-alias.set', entityType: 'model-alias', entityId: 'fraud@production', after: { version: 2 } },
    { action: 'model-alias.removed', entityType: 'model-alias', entityId: 'fraud@canary', before: { version: 1 }, after: null },
  ]);
  vi.useRealTimers();
});
afterAll(() => t.close());

async function asOf(time: string, types?: string) {
  const query = `at=${encodeURIComponent(time)}${types ? `&types=${types}` : ''}`;
  return t.request<{ throughSeq: number | null; entities: AsOfEntity[] }>({ method: 'GET', url: `/api/v1/audit/as-of?${query}`, headers: auditor });
}
const states = (entities: AsOfEntity[]) => Object.fromEntries(entities.map((e) => [`${e.entityType} ${e.entityId}`, e.state]));

describe('state as of a time', () => {
  it('shows what served before the second promotion, with who requested, approved and which gates passed', async () => {
    const { status, body } = await asOf('2026-01-01T12:00:00Z');
    expect(status).toBe(200);
    expect(states(body.entities)).toEqual({
      'deployment fraud/production': { stableVersion: 1, canaryVersion: null, canaryWeight: 0, status: 'stable', requestId: '5' },
      'model-alias fraud@canary': { version: 1 },
      'model-alias fraud@production': { version: 1 },
      'policy production': { approvers: 'approver', minApprovals: 1 },
    });
    const served = body.entities.find((e) => e.entityType === 'deployment');
    expect(served?.promotion?.requestId).toBe('5');
    expect(served?.promotion?.events.map((e) => `${e.action} by ${e.actor.name}`)).toEqual([
      'promotion.requested by rita',
      'promotion.gates-evaluated by system',
      'promotion.approved by ada',
    ]);
  });

  it('shows the later state afterwards, leaving out removed aliases', async () => {
    const { body } = await asOf('2026-01-03T00:00:00Z', 'deployment,model-alias');
    expect(states(body.entities)).toEqual({
      'deployment fraud/production': { stableVersion: 2, canaryVersion: null, canaryWeight: 0, status: 'stable', requestId: '6' },
      'model-alias fraud@production': { version: 2 },
    });
    expect(body.entities[0]?.promotion?.events.map((e) => e.entityId)).toEqual(['6', '6', '6']);
  });

  it('is empty before anything happened and refuses a bad time or type list', async () => {
    const { body } = await asOf('2025-12-31T00:00:00Z');
    expect(body).toMatchObject({ throughSeq: null, entities: [] });
    expect((await asOf('yesterday')).status).toBe(400);
    expect((await asOf('2026-01-03T00:00:00Z', 'Deployment;drop')).status).toBe(400);
  });
});
