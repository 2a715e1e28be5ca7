import type { Db } from '../../db/database';
import type { AuditCheckpointRow, AuditCheckpointsTable } from './audit.tables';

export function latestCheckpoint(db: Db, kind: AuditCheckpointsTable['kind']): Promise<AuditCheckpointRow | undefined> {
  return db.selectFrom('audit_checkpoints').selectAll().where('kind', '=', kind).orderBy('seq', 'desc').limit(1).executeTakeFirst();
}

export async function insertCheckpoint(tx: Db, checkpoint: Omit<AuditCheckpointRow, 'id'>): Promise<void> {
  await tx.insertInto('audit_checkpoints').values(checkpoint).execute();
}

/** Keeps only the newest `verified` checkpoint (it is bookkeeping, not evidence). */
export async function replaceVerifiedCheckpoint(tx: Db, checkpoint: Omit<AuditCheckpointRow, 'id' | 'kind'>): Promise<void> {
  await tx.deleteFrom('audit_checkpoints').where('kind', '=', 'verified').execute();
  await tx.insertInto('audit_checkpoints').values({ ...checkpoint, kind: 'verified' }).execute();
}

export function eventHashAt(db: Db, seq: number) {
  return db.selectFrom('audit_events').select(['seq', 'hash']).where('seq', '=', seq).executeTakeFirst();
}

export function readRetentionDays(db: Db) {
  return db.selectFrom('audit_settings').select('retention_days').where('id', '=', 1).executeTakeFirstOrThrow();
}

export async function writeRetentionDays(tx: Db, days: number | null): Promise<void> {
  await tx.updateTable('audit_settings').set({ retention_days: days, updated_at: Date.now() }).where('id', '=', 1).execute();
}

export function oldestEvent(db: Db) {
  return db.selectFrom('audit_events').select(['seq', 'occurred_at']).orderBy('seq').limit(1).executeTakeFirst();
}

/** The first event recorded at or after `ms`, in chain order (null: every event is older). */
export function firstEventAtOrAfter(db: Db, ms: number) {
  return db.selectFrom('audit_events').select('seq').where('occurred_at', '>=', ms).orderBy('seq').limit(1).executeTakeFirst();
}

/**
 * Deletes the chain's prefix up to `throughSeq`. The only statement anywhere that deletes audit
 * events; the retention service calls it inside the transaction that audits the deletion.
 */
export async function deleteEventsThrough(tx: Db, throughSeq: number): Promise<number> {
  const result = await tx.deleteFrom('audit_events').where('seq', '<=', throughSeq).executeTakeFirst();
  return Number(result.numDeletedRows);
}
