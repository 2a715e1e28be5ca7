import fc from 'fast-check';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appendTestEvents } from '../../testing/audit-events';
import { createTestDatabase, type TestDatabase, testDialect } from '../../testing/test-database';
import { chainAt, genesisHash, hashEvent, rowMaterial } from './audit-hash';
import { chainProblem, type VerifyResult, verifyAuditChain } from './audit-verify';
import { chainPage, readHead } from './audit.repository';
import type { AuditEventRow } from './audit.tables';

// Verification checks pages on a fast path and falls back to checking rows one by one; whatever
// is done to the stored rows, its answer must be exactly that of the row-by-row check alone.

let database: TestDatabase;
let original: AuditEventRow[];
const events = 12;

beforeAll(async () => {
  database = await createTestDatabase();
  await appendTestEvents(
    database.handle,
    Array.from({ length: events }, (_, i) => ({ action: 'test.event', entityType: 'thing', entityId: `e${i}`, after: { i, note: 'quote " and é' }, justification: i % 3 ? null : 'why' })),
  );
  original = await database.handle.db.selectFrom('audit_events').selectAll().orderBy('seq').execute();
});
afterAll(() => database.drop());

/** The reference: every row read as columns and checked by chainProblem, then the head. */
async function rowByRow(): Promise<VerifyResult> {
  const head = await readHead(database.handle.db);
  let previous = { seq: 0, hash: genesisHash };
  let checked = 0;
  for (const row of await chainPage(database.handle, 0, head.seq, head.seq + 1)) {
    const problem = chainProblem(previous, row, rowMaterial(row));
    if (problem) return { ok: false, checked, lastSeq: previous.seq, broken: { seq: row[chainAt.seq], reason: problem } };
    previous = { seq: row[chainAt.seq], hash: row[chainAt.hash] };
    checked += 1;
  }
  if (previous.seq === head.seq && previous.hash === head.hash) return { ok: true, checked, lastSeq: previous.seq, broken: null };
  return { ok: false, checked, lastSeq: previous.seq, broken: { seq: previous.seq + 1, reason: `the chain ends at ${previous.seq} but the head says ${head.seq} (events were deleted)` } };
}

async function restore() {
  await database.handle.db.deleteFrom('audit_events').execute();
  await database.handle.db.insertInto('audit_events').values(original).execute();
}

/** Applies `tamper`, checks that verification agrees with the reference and fails, restores. */
async function expectCaught(tamper: () => Promise<unknown>): Promise<VerifyResult> {
  await tamper();
  try {
    const result = await verifyAuditChain(database.handle);
    expect(result).toEqual(await rowByRow());
    expect(result.ok).toBe(false);
    return result;
  } finally {
    await restore();
  }
}

const update = (seq: number, values: Partial<AuditEventRow>) => database.handle.db.updateTable('audit_events').set(values).where('seq', '=', seq).execute();
const sqliteOnly = testDialect() === 'sqlite' ? it : it.skip;

describe('tampering with stored events', () => {
  it('starts from a chain that verifies', async () => {
    expect(await verifyAuditChain(database.handle)).toEqual({ ok: true, checked: events, lastSeq: events, broken: null });
  });

  it('catches any changed value of any column, as the row-by-row check does', async () => {
    const text = fc.oneof(fc.string({ maxLength: 80 }), fc.constantFrom('', '0'.repeat(64), '"', '\\', '\n', 'é'), fc.string({ unit: 'binary', maxLength: 8 })).filter((s) => !s.includes('\u0000'));
    const change = fc.oneof(
      fc.record({ column: fc.constantFrom('actor_name', 'actor_via', 'action', 'entity_type', 'entity_id', 'prev_hash', 'hash'), value: text }),
      fc.record({ column: fc.constantFrom('before_json', 'after_json', 'justification', 'request_id', 'client_ip'), value: fc.oneof(text, fc.constant(null)) }),
      fc.record({ column: fc.constantFrom('occurred_at'), value: fc.maxSafeInteger() }),
      fc.record({ column: fc.constantFrom('actor_id'), value: fc.oneof(fc.maxSafeInteger(), fc.constant(null)) }),
    );
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: events }), change, async (seq, { column, value }) => {
        const row = original[seq - 1] as AuditEventRow;
        fc.pre(row[column as keyof AuditEventRow] !== value);
        await expectCaught(() => update(seq, { [column]: value }));
      }),
      { numRuns: 40 },
    );
  });

  it('catches a hash that is longer, shorter or padded around the right one', async () => {
    const row = original[4] as AuditEventRow;
    for (const hash of [`${row.hash}"}`, `x${row.hash}`, row.hash.slice(1), `${row.hash} `, row.hash.toUpperCase()]) {
      expect((await expectCaught(() => update(5, { hash }))).broken?.seq).toBe(5);
    }
    for (const prev_hash of [`${row.hash}"`, ` ${row.hash}`, row.hash.slice(0, 63)]) {
      expect((await expectCaught(() => update(6, { prev_hash }))).broken).toEqual({ seq: 6, reason: 'its prev_hash does not match the hash of the event before it' });
    }
  });

  it('catches an altered event whose hash was recomputed at the next link', async () => {
    const { hash: _, ...row } = original[2] as AuditEventRow;
    const forged = { ...row, actor_name: 'mallory' };
    const result = await expectCaught(() => update(3, { actor_name: 'mallory', hash: hashEvent(forged) }));
    expect(result.broken).toEqual({ seq: 4, reason: 'its prev_hash does not match the hash of the event before it' });
  });

  it('catches deleted, reordered and inserted events', async () => {
    const { db } = database.handle;
    expect((await expectCaught(() => db.deleteFrom('audit_events').where('seq', '=', 7).execute())).broken?.seq).toBe(8);
    expect((await expectCaught(() => db.deleteFrom('audit_events').where('seq', '>', 10).execute())).broken?.reason).toMatch(/deleted/);
    // Reordered: events 4 and 5 trade places.
    const swap = async () => {
      await update(4, { seq: -4 });
      await update(5, { seq: 4 });
      await update(-4, { seq: 5 });
    };
    expect((await expectCaught(swap)).broken?.seq).toBe(4);
    // Inserted: a well-formed event linked to event 3 goes in as 4, the rest move up by one.
    const insert = async () => {
      await db.updateTable('audit_events').set({ seq: sql`-seq - 1` }).where('seq', '>=', 4).execute();
      await db.updateTable('audit_events').set({ seq: sql`-seq` }).where('seq', '<', 0).execute();
      const { hash: _, ...base } = original[3] as AuditEventRow;
      const inserted = { ...base, entity_id: 'inserted', prev_hash: (original[2] as AuditEventRow).hash };
      await db.insertInto('audit_events').values({ ...inserted, hash: hashEvent(inserted) }).execute();
    };
    expect((await expectCaught(insert)).broken).toEqual({ seq: 5, reason: 'its prev_hash does not match the hash of the event before it' });
  });

  sqliteOnly('catches values of another storage class (SQLite), which the database cannot encode as JSON alike', async () => {
    const set = (seq: number, assignment: string) => sql`update audit_events set ${sql.raw(assignment)} where seq = ${seq}`.execute(database.handle.db);
    for (const assignment of ['actor_name = cast(actor_name as blob)', 'occurred_at = occurred_at + 0.5', "occurred_at = 'soon'", 'actor_id = 1e300', "entity_id = cast(x'fffe' as text)"]) {
      expect((await expectCaught(() => set(2, assignment))).broken?.seq).toBe(2);
    }
  });
});
