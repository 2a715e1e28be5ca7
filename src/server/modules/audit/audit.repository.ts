import { sql } from 'kysely';
import type { Db } from '../../db/database';
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

/** Events after `afterSeq` in order, one batch at a time (keyset pagination). */
export function eventsAfter(db: Db, afterSeq: number, limit: number) {
  return db.selectFrom('audit_events').selectAll().where('seq', '>', afterSeq).orderBy('seq').limit(limit).execute();
}
