import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditEvent } from '../../../shared/contract/audit';
import { appendTestEvents } from '../../testing/audit-events';
import { buildTestApp, type TestApp } from '../../testing/build-test-app';

type Page = { items: AuditEvent[]; nextCursor: string | null };

let t: TestApp;
let auditor: Record<string, string>;
beforeAll(async () => {
  t = await buildTestApp();
  auditor = (await t.userWithRole('auditor', 'audrey')).headers;
  await appendTestEvents(t.database.handle, [
    { action: 'registered-model.created', entityType: 'registered-model', entityId: 'fraud', after: { name: 'fraud' } },
    { action: 'model-version.created', entityType: 'model-version', entityId: 'fraud/1', after: { version: 1 } },
    { action: 'model-alias.set', entityType: 'model-alias', entityId: 'fraud@champion', after: { version: 1 }, actor: 'bob' },
    { action: 'registered-model.created', entityType: 'registered-model', entityId: 'fraudulent', after: { name: 'fraudulent' } },
    { action: 'promotion.requested', entityType: 'promotion-request', entityId: '7', after: { model: 'fraud', environment: 'production', version: 1 } },
    { action: 'promotion.approved', entityType: 'promotion-request', entityId: '7', actor: 'carol', justification: 'gates green' },
    { action: 'deployment.updated', entityType: 'deployment', entityId: 'fraud/production', after: { stableVersion: 1, canaryVersion: null, canaryWeight: 0, status: 'stable', requestId: '7' } },
    { action: 'policy.updated', entityType: 'policy', entityId: 'production/fraud', after: { approvals: 2 } },
  ]);
});
afterAll(() => t.close());

const search = (query: string, headers = auditor) => t.request<Page>({ method: 'GET', url: `/api/v1/audit/events?${query}`, headers });
const actions = (page: Page) => page.items.map((e) => `${e.action} ${e.entityId}`);

describe('searching the audit trail', () => {
  it('lists newest first with who, how, what, before/after and the chain fields', async () => {
    const { status, body } = await search('limit=3');
    expect(status).toBe(200);
    expect(actions(body)).toEqual(['policy.updated production/fraud', 'deployment.updated fraud/production', 'promotion.approved 7']);
    expect(body.items[2]).toMatchObject({ actor: { name: 'carol', via: 'session' }, justification: 'gates green', clientIp: '10.0.0.1' });
    expect(body.items[1]?.after).toMatchObject({ stableVersion: 1, requestId: '7' });
    expect(body.items[0]?.prevHash).toBe(body.items[1]?.hash);
  });

  it('filters by actor, action (exact and prefix), entity and time', async () => {
    expect(actions((await search('actor=bob')).body)).toEqual(['model-alias.set fraud@champion']);
    expect(actions((await search('action=promotion.')).body)).toEqual(['promotion.approved 7', 'promotion.requested 7']);
    expect(actions((await search('action=promotion.*&order=asc')).body)).toEqual(['promotion.requested 7', 'promotion.approved 7']);
    expect((await search('action=promotion')).body.items).toEqual([]);
    const firstOfTwo = await search('action=promotion.&limit=1');
    const secondOfTwo = await search(`action=promotion.&limit=1&cursor=${firstOfTwo.body.nextCursor}`);
    expect([...actions(firstOfTwo.body), ...actions(secondOfTwo.body)]).toEqual(['promotion.approved 7', 'promotion.requested 7']);
    expect(secondOfTwo.body.nextCursor).toBeNull();
    expect((await search('action=nothing.')).body.items).toEqual([]);
    expect(actions((await search('entityType=registered-model&entityId=fraud')).body)).toEqual(['registered-model.created fraud']);
    const all = (await search('order=asc&limit=500')).body.items;
    const third = all.find((e) => e.action === 'model-alias.set');
    const from = encodeURIComponent(third?.occurredAt ?? '');
    expect((await search(`from=${from}&to=${from}`)).body.items.every((e) => e.occurredAt === third?.occurredAt)).toBe(true);
    expect((await search(`to=${encodeURIComponent('2000-01-01T00:00:00Z')}`)).body.items).toEqual([]);
  });

  it('filters by model: the model, its versions, aliases and deployments, not a model with a longer name', async () => {
    expect(actions((await search('model=fraud&order=asc')).body)).toEqual([
      'registered-model.created fraud',
      'model-version.created fraud/1',
      'model-alias.set fraud@champion',
      'deployment.updated fraud/production',
    ]);
  });

  it('filters by environment: deployments, policies and events that record it', async () => {
    expect(actions((await search('environment=production&order=asc')).body)).toEqual([
      'promotion.requested 7',
      'deployment.updated fraud/production',
      'policy.updated production/fraud',
    ]);
  });

  it('pages with a keyset cursor that is stable while events are appended', async () => {
    const first = await search('limit=4&model=fraud');
    expect(first.body.items).toHaveLength(4);
    expect(first.body.nextCursor).toBeNull();
    const page1 = await search('limit=5');
    await appendTestEvents(t.database.handle, [{ action: 'model-version.created', entityType: 'model-version', entityId: 'fraud/2' }]);
    const page2 = await search(`limit=5&cursor=${page1.body.nextCursor}`);
    const seqs = [...page1.body.items, ...page2.body.items].map((e) => e.seq);
    expect(seqs).toEqual([...seqs].sort((a, b) => b - a));
    expect(new Set(seqs).size).toBe(seqs.length);
    expect(page2.body.items.some((e) => e.entityId === 'fraud/2')).toBe(false);
    expect((await search('cursor=abc')).status).toBe(400);
  });
});

describe('who may read what', () => {
  it('lets only admins and auditors search the whole trail', async () => {
    const viewer = await t.userWithRole('viewer');
    expect((await search('', viewer.headers)).status).toBe(403);
    expect((await search('', (await t.userWithRole('admin')).headers)).status).toBe(200);
  });

  it('lets anyone who can read an entity read its history, never users or tokens', async () => {
    const viewer = await t.userWithRole('viewer');
    const history = await t.request<Page>({ method: 'GET', url: '/api/v1/audit/entities/model-version/fraud%2F1', headers: viewer.headers });
    expect(history.status).toBe(200);
    expect(actions(history.body)).toEqual(['model-version.created fraud/1']);

    const related = await t.request<Page>({ method: 'GET', url: '/api/v1/audit/entities/registered-model/fraud?related=true&order=asc', headers: viewer.headers });
    expect(actions(related.body)).toEqual([
      'registered-model.created fraud',
      'model-version.created fraud/1',
      'model-alias.set fraud@champion',
      'deployment.updated fraud/production',
      'model-version.created fraud/2',
    ]);

    const users = await t.request({ method: 'GET', url: `/api/v1/audit/entities/user/${viewer.userId}`, headers: viewer.headers });
    expect(users.status).toBe(403);
    const ingest = await t.userWithRole('ingest');
    expect((await t.request({ method: 'GET', url: '/api/v1/audit/entities/run/abc', headers: ingest.headers })).status).toBe(403);
    const auditorReads = await t.request<Page>({ method: 'GET', url: `/api/v1/audit/entities/user/${viewer.userId}`, headers: auditor });
    expect(auditorReads.body.items.map((e) => e.action)).toContain('user.created');
    const denied = await search('action=access.denied');
    expect(denied.body.items.some((e) => e.actor.name === viewer.username)).toBe(true);
  });

  it('has no route that edits or deletes an event', async () => {
    const admin = (await t.userWithRole('admin')).headers;
    for (const method of ['PUT', 'PATCH', 'DELETE'] as const) {
      for (const url of ['/api/v1/audit/events', '/api/v1/audit/events/1', '/api/v1/audit/entities/user/1', '/api/v1/audit/export', '/api/v1/audit/verification']) {
        const { status } = await t.request({ method, url, headers: admin, payload: {} });
        expect([404, 405], `${method} ${url}`).toContain(status);
      }
    }
    const deleting = t.app.deps.routeTable.filter((r) => r.url.startsWith('/api/v1/audit') && r.method !== 'GET' && r.method !== 'HEAD');
    expect(deleting.map((r) => `${r.method} ${r.url}`).sort()).toEqual(['POST /api/v1/audit/retention/apply', 'PUT /api/v1/audit/retention']);
  });
});
