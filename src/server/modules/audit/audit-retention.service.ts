import { minimumRetentionDays } from '../../../shared/contract/audit';
import type { Db, DatabaseHandle } from '../../db/database';
import { inTransaction } from '../../db/transaction';
import { conflict, invalidParameter } from '../../errors';
import { signCheckpoint } from './audit-hash';
import {
  deleteEventsThrough,
  eventHashAt,
  firstEventAtOrAfter,
  insertCheckpoint,
  latestCheckpoint,
  oldestEvent,
  readRetentionDays,
  writeRetentionDays,
} from './audit-retention.repository';
import { verifyChain } from './audit-verification.service';
import { readHead } from './audit.repository';
import { type AuditContext, appendAudit } from './audit.service';

const dayMs = 86_400_000;
const iso = (ms: number | null | undefined) => (ms === null || ms === undefined ? null : new Date(ms).toISOString());
const cutoffOf = (days: number | null, now: number) => (days === null ? null : now - Math.max(days, minimumRetentionDays) * dayMs);

export async function readRetention(db: Db, now = Date.now()) {
  const { retention_days } = await readRetentionDays(db);
  const oldest = await oldestEvent(db);
  return { retentionDays: retention_days, minimumDays: minimumRetentionDays, oldestEventAt: iso(oldest?.occurred_at), cutoff: iso(cutoffOf(retention_days, now)) };
}

export async function setRetention(database: DatabaseHandle, retentionDays: number | null, context: AuditContext) {
  if (retentionDays !== null && retentionDays < minimumRetentionDays) {
    throw invalidParameter(`Audit events must be kept at least ${minimumRetentionDays} days (6 months)`);
  }
  await inTransaction(database, async (tx) => {
    const before = await readRetentionDays(tx);
    await writeRetentionDays(tx, retentionDays);
    await appendAudit(tx, context, {
      action: 'audit.retention-changed',
      entityType: 'audit-settings',
      entityId: 'retention',
      before: { retentionDays: before.retention_days },
      after: { retentionDays },
    });
  });
  return readRetention(database.db);
}

/**
 * Deletes the events older than the retention period: always a prefix of the chain (every event
 * before the first one recorded at or after the cut-off), so what remains still links up. In the
 * same transaction it leaves a retention checkpoint signed with the app secret (HMAC-SHA256)
 * holding the seq and hash of the last deleted event, and audits the deletion. It refuses when the
 * chain does not verify, so retention can never be used to erase evidence of tampering.
 */
export async function applyRetention(database: DatabaseHandle, secret: string, justification: string, context: AuditContext, now = Date.now()) {
  const status = await verifyChain(database, secret, 'full');
  if (!status.ok) throw conflict(`The audit chain is broken at event ${status.broken?.seq}; retention will not delete evidence: ${status.broken?.reason}`);
  return inTransaction(database, async (tx) => {
    const { retention_days } = await readRetentionDays(tx);
    const cutoff = cutoffOf(retention_days, now);
    if (cutoff === null) throw invalidParameter('Retention keeps audit events forever; set a retention period first');
    const firstKept = await firstEventAtOrAfter(tx, cutoff);
    const throughSeq = firstKept ? firstKept.seq - 1 : (await readHead(tx)).seq;
    const previousSeq = (await latestCheckpoint(tx, 'retention'))?.seq ?? 0;

    let deleted = 0;
    let checkpoint: { seq: number; hash: string; createdAt: string } | null = null;
    if (throughSeq > previousSeq) {
      const last = await eventHashAt(tx, throughSeq);
      if (!last) throw conflict(`Event ${throughSeq} is missing; verify the audit chain`);
      deleted = await deleteEventsThrough(tx, throughSeq);
      const row = { kind: 'retention' as const, seq: throughSeq, hash: last.hash, created_at: now };
      await insertCheckpoint(tx, { ...row, signature: signCheckpoint(secret, row) });
      checkpoint = { seq: throughSeq, hash: last.hash, createdAt: new Date(now).toISOString() };
    }
    await appendAudit(tx, context, {
      action: 'audit.retention-applied',
      entityType: 'audit-settings',
      entityId: 'retention',
      after: { retentionDays: retention_days, cutoff: new Date(cutoff).toISOString(), deleted, checkpoint },
      justification,
    });
    return { deleted, checkpoint };
  });
}
