import { sql } from 'kysely';
import type { DatabaseHandle, Db } from '../../db/database';
import { selectArrays } from '../../db/select-arrays';
import { type ChainRow, chainColumns } from './audit-hash';
import type { AuditEventRow } from './audit.tables';

/**
 * Advances the chain head by one and returns the new sequence number with the previous hash.
 * Being an UPDATE, it takes the row lock (PostgreSQL) or the write lock (SQLite) first, so
 * concurrent appends queue up and each one links to the event before it.
 */
export function claimNextSeq(tx: Db) {
  return tx
    .updateTable('audit_head')
    .set({ seq: sql`seq + 1` })
    .where('id', '=', 1)
    .returning(['seq', 'hash'])
    .executeTakeFirstOrThrow();
}

export async function insertEvent(tx: Db, event: AuditEventRow): Promise<void> {
  await tx.insertInto('audit_events').values(event).execute();
  await tx.updateTable('audit_head').set({ hash: event.hash }).where('id', '=', 1).execute();
}

export function readHead(db: Db) {
  return db.selectFrom('audit_head').select(['seq', 'hash']).where('id', '=', 1).executeTakeFirstOrThrow();
}

/** Events after `afterSeq` in chain order, as arrays, one page at a time (keyset pagination). */
export function chainPage(database: DatabaseHandle, afterSeq: number, limit: number): Promise<ChainRow[]> {
  const query = database.db.selectFrom('audit_events').select(chainColumns).where('seq', '>', afterSeq).orderBy('seq').limit(limit);
  return selectArrays(database, query) as Promise<ChainRow[]>;
}
