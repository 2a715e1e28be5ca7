import { PostgresAdapter } from 'kysely';
import type { Delivery } from '../../../shared/contract/webhooks';
import type { Db } from '../../db/database';

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

export async function insertOutboxEvent(tx: Db, type: string, payloadJson: string, now: number): Promise<number> {
  const row = await tx
    .insertInto('outbox_events')
    .values({ event_type: type, payload_json: payloadJson, created_at: now })
    .returning('id')
    .executeTakeFirstOrThrow();
  return Number(row.id);
}

export async function insertDeliveries(tx: Db, eventId: number, webhookIds: number[], now: number): Promise<void> {
  if (webhookIds.length === 0) return;
  await tx
    .insertInto('webhook_deliveries')
    .values(
      webhookIds.map((webhookId) => ({
        event_id: eventId,
        webhook_id: webhookId,
        status: 'pending',
        attempts: 0,
        next_attempt_at: now,
        locked_until: 0,
        created_at: now,
        updated_at: now,
      })),
    )
    .execute();
}

/**
 * Leases up to `limit` due deliveries to this worker. On PostgreSQL, `FOR UPDATE SKIP LOCKED`
 * lets replicas claim disjoint rows without waiting on each other; on SQLite the caller's
 * BEGIN IMMEDIATE transaction already serialises claims. Call inside a transaction.
 */
export async function claimDueDeliveries(tx: Db, now: number, limit: number, leaseMs: number): Promise<number[]> {
  let query = tx
    .selectFrom('webhook_deliveries')
    .select('id')
    .where('status', '=', 'pending')
    .where('next_attempt_at', '<=', now)
    .where('locked_until', '<=', now)
    .orderBy('next_attempt_at')
    .orderBy('id')
    .limit(limit);
  if (tx.getExecutor().adapter instanceof PostgresAdapter) query = query.forUpdate().skipLocked();
  const ids = (await query.execute()).map((r) => Number(r.id));
  if (ids.length > 0) {
    await tx.updateTable('webhook_deliveries').set({ locked_until: now + leaseMs }).where('id', 'in', ids).execute();
  }
  return ids;
}

/** What the worker needs to send one delivery. */
export function loadDeliveryWork(db: Db, deliveryId: number) {
  return db
    .selectFrom('webhook_deliveries as d')
    .innerJoin('outbox_events as e', 'e.id', 'd.event_id')
    .innerJoin('webhooks as w', 'w.id', 'd.webhook_id')
    .select([
      'd.id', 'd.attempts', 'd.event_id', 'e.event_type', 'e.payload_json', 'e.created_at as event_created_at',
      'w.url', 'w.secret_ciphertext', 'w.enabled',
    ])
    .where('d.id', '=', deliveryId)
    .executeTakeFirst();
}

export async function recordAttempt(
  tx: Db,
  deliveryId: number,
  outcome: {
    attemptedAt: number;
    attempts: number;
    status: 'pending' | 'delivered' | 'failed';
    nextAttemptAt: number;
    statusCode: number | null;
    error: string | null;
    durationMs: number;
  },
): Promise<void> {
  await tx
    .insertInto('webhook_delivery_attempts')
    .values({
      delivery_id: deliveryId,
      attempted_at: outcome.attemptedAt,
      status_code: outcome.statusCode,
      error: outcome.error,
      duration_ms: outcome.durationMs,
    })
    .execute();
  await tx
    .updateTable('webhook_deliveries')
    .set({
      status: outcome.status,
      attempts: outcome.attempts,
      next_attempt_at: outcome.nextAttemptAt,
      locked_until: 0,
      last_status_code: outcome.statusCode,
      last_error: outcome.error,
      updated_at: outcome.attemptedAt,
      ...(outcome.status === 'delivered' && { delivered_at: outcome.attemptedAt }),
    })
    .where('id', '=', deliveryId)
    .execute();
}

/** The delivery log of one webhook, newest first, with every attempt. */
export async function listDeliveriesPage(db: Db, webhookId: number, beforeId: number | null, limit: number) {
  let query = db
    .selectFrom('webhook_deliveries as d')
    .innerJoin('outbox_events as e', 'e.id', 'd.event_id')
    .selectAll('d')
    .select('e.event_type')
    .where('d.webhook_id', '=', webhookId)
    .orderBy('d.id', 'desc')
    .limit(limit + 1);
  if (beforeId !== null) query = query.where('d.id', '<', beforeId);
  const rows = await query.execute();
  const page = rows.slice(0, limit);
  const ids = page.map((r) => Number(r.id));
  const attempts = ids.length
    ? await db.selectFrom('webhook_delivery_attempts').selectAll().where('delivery_id', 'in', ids).orderBy('id').execute()
    : [];
  const items: Delivery[] = page.map((row) => ({
    id: String(row.id),
    eventId: String(row.event_id),
    eventType: row.event_type,
    status: row.status as Delivery['status'],
    attempts: row.attempts,
    nextAttemptAt: row.status === 'pending' ? iso(row.next_attempt_at) : null,
    lastStatusCode: row.last_status_code,
    lastError: row.last_error,
    createdAt: iso(row.created_at) as string,
    deliveredAt: iso(row.delivered_at),
    log: attempts
      .filter((a) => Number(a.delivery_id) === Number(row.id))
      .map((a) => ({ attemptedAt: iso(a.attempted_at) as string, statusCode: a.status_code, error: a.error, durationMs: a.duration_ms })),
  }));
  return { items, nextCursor: rows.length > limit ? String(ids.at(-1)) : null };
}
