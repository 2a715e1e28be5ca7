import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appendTestEvents } from '../../testing/audit-events';
import { createTestDatabase, type TestDatabase, testDialect } from '../../testing/test-database';
import { verifyAuditChain } from './audit-verify';
import { verifyRangeInWorker } from './audit-verify-parallel';
import { verifyRange } from './audit-verify-range';
import { chainPage } from './audit.repository';

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
  await appendTestEvents(
    database.handle,
    Array.from({ length: 60 }, (_, i) => ({ action: 'test.changed', entityType: 'thing', entityId: String(i % 7), after: { n: i, note: 'é "q"\n' } })),
  );
});
afterAll(() => database.drop());

/** Applies `change` to the stored events, runs `check`, then puts the events `seqs` back as they were. */
async function whileTampered(seqs: number[], change: () => Promise<unknown>, check: () => Promise<void>) {
  const { db } = database.handle;
  const saved = await db.selectFrom('audit_events').selectAll().where('seq', 'in', seqs).execute();
  await change();
  try {
    await check();
  } finally {
    await db.deleteFrom('audit_events').where('seq', 'in', seqs).execute();
    if (saved.length > 0) await db.insertInto('audit_events').values(saved).execute();
  }
}

const alter = (seq: number) => () => database.handle.db.updateTable('audit_events').set({ entity_id: 'forged' }).where('seq', '=', seq).execute();
const unlink = (seq: number) => () => database.handle.db.updateTable('audit_events').set({ prev_hash: 'f'.repeat(64) }).where('seq', '=', seq).execute();
const remove = (...seqs: number[]) => () => database.handle.db.deleteFrom('audit_events').where('seq', 'in', seqs).execute();

describe('verifying the chain in ranges at once', () => {
  it.skipIf(testDialect() === 'postgres')('verifies a range in a worker thread exactly as in this one', async () => {
    const range = { afterSeq: 20, toSeq: 40 };
    const read = (afterSeq: number, toSeq: number, limit: number) => chainPage(database.handle, afterSeq, toSeq, limit);
    const inWorker = await verifyRangeInWorker(database.handle, range);
    expect(inWorker).toEqual(await verifyRange(read, range, null));
    expect(inWorker).toMatchObject({ checked: 20, first: { seq: 21 }, last: { seq: 40 }, broken: null });
  });

  it('joins what the workers found with what this thread found', async () => {
    await whileTampered([45], alter(45), async () => {
      const onePass = await verifyAuditChain(database.handle, undefined, { ranges: 1 });
      expect(onePass).toMatchObject({ ok: false, checked: 44, broken: { seq: 45, reason: expect.stringMatching(/altered/) } });
      expect(await verifyAuditChain(database.handle, undefined, { ranges: 2 })).toEqual(onePass);
    });
  });

  // Ranges of 20 with 3 (and 15 with 4): the cases sit on and around the boundaries between them.
  // The later ranges run on this thread here (starting workers is slow); the joining is the same.
  const cases: Array<[string, number[], () => Promise<unknown>]> = [
    ['an intact chain', [], async () => {}],
    ['an altered event inside a later range', [33], alter(33)],
    ['an altered first event of a range', [21], alter(21)],
    ['an altered last event of a range', [20], alter(20)],
    ['a broken link at the start of a range', [41], unlink(41)],
    ['an event missing at the end of a range', [20], remove(20)],
    ['an event missing at the start of a range', [21], remove(21)],
    ['events missing on both sides of a boundary', [40, 41], remove(40, 41)],
    ['two problems, in different ranges (the first one wins)', [5, 50], async () => (await alter(50)(), await alter(5)())],
    ['events missing at the end of the chain', [59, 60], remove(59, 60)],
  ];
  it.each(cases)('answers exactly as one pass for %s', async (_, seqs, change) => {
    await whileTampered(seqs, change, async () => {
      const onePass = await verifyAuditChain(database.handle, undefined, { ranges: 1 });
      expect(onePass.ok).toBe(seqs.length === 0);
      expect(await verifyAuditChain(database.handle, undefined, { ranges: 3, workers: false })).toEqual(onePass);
      expect(await verifyAuditChain(database.handle, undefined, { ranges: 4, workers: false })).toEqual(onePass);
    });
  });
});
