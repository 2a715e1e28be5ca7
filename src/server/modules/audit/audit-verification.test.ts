import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ChainStatus } from '../../../shared/contract/audit';
import { appendTestEvents } from '../../testing/audit-events';
import { buildTestApp, type TestApp } from '../../testing/build-test-app';
import { verifyAuditChain } from './audit-verify';

let t: TestApp | undefined;
let admin: Record<string, string>;

beforeEach(async () => {
  await t?.close();
  t = await buildTestApp();
});
afterAll(() => t?.close());

const app = () => t as TestApp;
const signInAdmin = async () => {
  admin = (await app().userWithRole('admin')).headers;
};
const verify = async (mode: 'full' | 'incremental' = 'full') =>
  (await app().request<ChainStatus>({ method: 'GET', url: `/api/v1/audit/verification?mode=${mode}`, headers: admin })).body;
const events = (n: number, prefix = 'e') =>
  appendTestEvents(app().database.handle, Array.from({ length: n }, (_, i) => ({ action: 'test.event', entityType: 'thing', entityId: `${prefix}${i}`, after: { i } })));

describe('verifying the chain', () => {
  it('verifies fully, then incrementally from the last verified checkpoint', async () => {
    await signInAdmin();
    await events(5);
    const full = await verify('full');
    expect(full).toMatchObject({ ok: true, mode: 'full', fromSeq: 0, broken: null });
    expect(full.verifiedThroughSeq).toBe(full.head.seq);
    await events(3);
    const incremental = await verify('incremental');
    expect(incremental).toMatchObject({ ok: true, fromSeq: full.head.seq, checked: 3, verifiedThroughSeq: full.head.seq + 3 });
  });

  it('names the sequence number of a row altered directly in the database, and why', async () => {
    await signInAdmin();
    await events(6);
    await app().database.handle.db.updateTable('audit_events').set({ after_json: '{"i":999}' }).where('seq', '=', 4).execute();
    const status = await verify('full');
    expect(status.ok).toBe(false);
    expect(status.broken).toEqual({ seq: 4, reason: 'its content does not match its hash (the row was altered)' });
    expect(status.verifiedThroughSeq).toBe(3);
  });

  it('catches a tampered row after the checkpoint incrementally, and a deleted row', async () => {
    await signInAdmin();
    await events(3);
    const first = await verify('incremental');
    await events(3);
    await app().database.handle.db.updateTable('audit_events').set({ actor_name: 'mallory' }).where('seq', '=', first.head.seq + 2).execute();
    expect((await verify('incremental')).broken?.seq).toBe(first.head.seq + 2);

    await app().database.handle.db.deleteFrom('audit_events').where('seq', '=', 2).execute();
    expect((await verify('full')).broken).toEqual({ seq: 3, reason: 'event 2 is missing (next present is 3)' });
  });

  it('checks up to the head it started from while events keep arriving (no false "deleted" alarm)', async () => {
    await events(2100); // more than one page: verification yields to other requests between pages
    const before = await app().database.handle.db.selectFrom('audit_head').select('seq').executeTakeFirstOrThrow();
    const verifying = verifyAuditChain(app().database.handle);
    await events(5, 'late');
    const result = await verifying;
    expect(result).toMatchObject({ ok: true, broken: null, lastSeq: before.seq, checked: before.seq });
    expect(await verifyAuditChain(app().database.handle)).toMatchObject({ ok: true, lastSeq: before.seq + 5 });
  });
});

describe('retention', () => {
  it('keeps at least 6 months and deletes only through the audited retention path, which stays verifiable', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2025-01-01T00:00:00Z'));
    await signInAdmin();
    await events(4, 'old');
    vi.setSystemTime(new Date('2026-01-01T00:00:00Z'));
    await events(2, 'new');
    const put = (retentionDays: number | null) => app().request({ method: 'PUT', url: '/api/v1/audit/retention', headers: admin, payload: { retentionDays } });
    expect((await put(30)).status).toBe(400);
    expect((await put(200)).status).toBe(200);
    const oldSeqs = await app().database.handle.db.selectFrom('audit_events').select('seq').where('entity_id', 'like', 'old%').execute();
    const lastOld = Math.max(...oldSeqs.map((r) => r.seq));

    const applied = await app().request<{ deleted: number; checkpoint: { seq: number } }>({
      method: 'POST',
      url: '/api/v1/audit/retention/apply',
      headers: admin,
      payload: { justification: 'yearly clean-up' },
    });
    vi.useRealTimers();
    expect(applied.status).toBe(200);
    expect(applied.body.checkpoint.seq).toBe(lastOld);
    expect(applied.body.deleted).toBe(lastOld); // the admin's creation and the old events
    const remaining = await app().database.handle.db.selectFrom('audit_events').select(['seq', 'action', 'justification']).orderBy('seq').execute();
    expect(remaining[0]?.seq).toBe(lastOld + 1);
    expect(remaining.at(-1)).toMatchObject({ action: 'audit.retention-applied', justification: 'yearly clean-up' });

    const status = await verify('full');
    expect(status).toMatchObject({ ok: true, fromSeq: lastOld, retentionCheckpoint: { seq: lastOld } });

    // A forged checkpoint (moved forward to hide more deletions) fails its signature.
    await app().database.handle.db.updateTable('audit_checkpoints').set({ seq: lastOld + 1 }).where('kind', '=', 'retention').execute();
    expect((await verify('full')).broken?.reason).toMatch(/not signed by this server/);
  });

  it('is for admins only and refuses when retention keeps everything', async () => {
    await signInAdmin();
    const auditor = await app().userWithRole('auditor');
    expect((await app().request({ method: 'GET', url: '/api/v1/audit/retention', headers: auditor.headers })).status).toBe(403);
    const refused = await app().request({ method: 'POST', url: '/api/v1/audit/retention/apply', headers: admin, payload: { justification: 'try it' } });
    expect(refused.status).toBe(400);
  });
});
