import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inTransaction } from '../../db/transaction';
import { createTestDatabase, type TestDatabase } from '../../testing/test-database';
import { canonicalJson, genesisHash, hashEvent } from './audit-hash';
import { appendAudit, systemContext } from './audit.service';
import { verifyAuditChain } from './audit-verify';

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
  for (let i = 0; i < 25; i++) {
    await inTransaction(database.handle, (tx) =>
      appendAudit(tx, systemContext, { action: 'test.changed', entityType: 'thing', entityId: String(i % 5), before: { n: i - 1 }, after: { n: i, nested: { b: 1, a: [2, 3] } } }),
    );
  }
});
afterAll(() => database.drop());

describe('canonical encoding', () => {
  it('sorts keys at every level and has no whitespace', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { z: 1, y: 2 }], c: null }, u: undefined })).toBe('{"a":{"c":null,"d":[1,{"y":2,"z":1}]},"b":1}');
  });
});

describe('audit hash chain', () => {
  it('links each event to the one before it and verifies end to end', async () => {
    const rows = await database.handle.db.selectFrom('audit_events').selectAll().orderBy('seq').execute();
    expect(rows.map((r) => r.seq)).toEqual(Array.from({ length: 25 }, (_, i) => i + 1));
    expect(rows[0]?.prev_hash).toBe(genesisHash);
    for (let i = 1; i < rows.length; i++) expect(rows[i]?.prev_hash).toBe(rows[i - 1]?.hash);
    const { hash, ...rest } = rows[3]!;
    expect(hashEvent(rest)).toBe(hash);
    expect(await verifyAuditChain(database.handle)).toEqual({ ok: true, checked: 25, lastSeq: 25, broken: null });
  });

  it('keeps a linear chain under concurrent appends', async () => {
    await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        inTransaction(database.handle, (tx) => appendAudit(tx, systemContext, { action: 'test.concurrent', entityType: 'thing', entityId: `c${i}` })),
      ),
    );
    const result = await verifyAuditChain(database.handle);
    expect(result.ok).toBe(true);
    expect(result.checked).toBe(65);
  });

  it('verifies events whose text has a lone surrogate, which the database stores as U+FFFD', async () => {
    await inTransaction(database.handle, (tx) =>
      appendAudit(tx, systemContext, { action: 'test.odd-text', entityType: 'thing', entityId: 'x\ud800', justification: 'lone \udc00 and paired 😀', after: { note: '\ud800' } }),
    );
    const stored = await database.handle.db.selectFrom('audit_events').select(['entity_id', 'justification']).where('action', '=', 'test.odd-text').executeTakeFirstOrThrow();
    expect(stored).toEqual({ entity_id: 'x\ufffd', justification: 'lone \ufffd and paired 😀' });
    expect((await verifyAuditChain(database.handle)).ok).toBe(true);
  });

  it('rolls back the audit row with the change it belongs to', async () => {
    await expect(
      inTransaction(database.handle, async (tx) => {
        await appendAudit(tx, systemContext, { action: 'test.doomed', entityType: 'thing', entityId: 'x' });
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');
    const doomed = await database.handle.db.selectFrom('audit_events').where('action', '=', 'test.doomed').selectAll().execute();
    expect(doomed).toEqual([]);
    expect((await verifyAuditChain(database.handle)).ok).toBe(true);
  });

  it('detects a row altered directly in the database and names it', async () => {
    await database.handle.db.updateTable('audit_events').set({ after_json: '{"n":999}' }).where('seq', '=', 7).execute();
    const result = await verifyAuditChain(database.handle);
    expect(result.ok).toBe(false);
    expect(result.broken?.seq).toBe(7);
    expect(result.broken?.reason).toMatch(/altered/);
    expect(result.checked).toBe(6);
  });

  it('detects a deleted row', async () => {
    const fresh = await createTestDatabase();
    for (let i = 0; i < 5; i++) await inTransaction(fresh.handle, (tx) => appendAudit(tx, systemContext, { action: 'a', entityType: 't', entityId: String(i) }));
    await fresh.handle.db.deleteFrom('audit_events').where('seq', '=', 3).execute();
    expect((await verifyAuditChain(fresh.handle)).broken).toMatchObject({ seq: 4, reason: expect.stringMatching(/missing/) });
    await fresh.handle.db.deleteFrom('audit_events').where('seq', '>=', 3).execute();
    expect((await verifyAuditChain(fresh.handle)).broken?.reason).toMatch(/deleted/);
    await fresh.drop();
  });
});
