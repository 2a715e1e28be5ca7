import type { GateResult } from '../../../shared/contract/promotion-policies';
import type { DatabaseHandle, Db } from '../../db/database';
import { inTransaction } from '../../db/transaction';
import { appendAudit, type AuditContext, systemContext } from '../audit/audit.service';
import { enqueueWebhookEvent } from '../webhooks/outbox';
import type { PromotionRequestRow } from './promotions.tables';
import { findRequestRow, insertRequestEvent, overdueRequestIds, toPromotionRequest, updateRequestRow } from './requests.repository';

/** Records a state change of a request: its timeline event, its audit event and its webhook event. */
export async function recordTransition(
  tx: Db,
  context: AuditContext,
  row: PromotionRequestRow,
  change: { action: string; before: unknown; after: unknown; justification?: string | null; message?: string | null; webhook?: string | null },
): Promise<void> {
  await insertRequestEvent(tx, Number(row.id), change.action, context.actor.name, change.message ?? null);
  await appendAudit(tx, context, {
    action: `promotion-request.${change.action}`,
    entityType: 'promotion-request',
    entityId: String(row.id),
    before: change.before,
    after: change.after,
    justification: change.justification ?? null,
  });
  if (change.webhook) {
    const fresh = (await findRequestRow(tx, Number(row.id))) ?? row;
    await enqueueWebhookEvent(tx, { type: change.webhook, payload: { request: toPromotionRequest(fresh), by: context.actor.name } });
  }
}

/** Marks a pending or approved request failed with a reason (nothing else changes). */
export async function markFailed(database: DatabaseHandle, requestId: number, reason: string, gates: GateResult[] | null, context: AuditContext): Promise<void> {
  await inTransaction(database, async (tx) => {
    const row = await findRequestRow(tx, requestId, { lock: true });
    if (!row) return;
    const changes = { state: 'failed', failure_reason: reason, ...(gates && { gate_results_json: JSON.stringify(gates), gates_checked_at: Date.now() }) };
    if (!(await updateRequestRow(tx, requestId, ['pending', 'approved'], changes))) return;
    await recordTransition(tx, context, row, {
      action: 'failed',
      before: { state: row.state },
      after: { state: 'failed', reason },
      message: reason,
      webhook: 'promotion.request.failed',
    });
  });
}

/** Expires one request if it is pending and overdue; returns whether it did. */
export async function expireIfOverdue(database: DatabaseHandle, requestId: number, context: AuditContext, now = Date.now()): Promise<boolean> {
  return inTransaction(database, async (tx) => {
    const row = await findRequestRow(tx, requestId, { lock: true });
    if (!row || row.state !== 'pending' || row.expires_at === null || row.expires_at > now) return false;
    await updateRequestRow(tx, requestId, ['pending'], { state: 'expired' });
    const system = { ...systemContext, requestId: context.requestId };
    await recordTransition(tx, system, row, {
      action: 'expired',
      before: { state: 'pending' },
      after: { state: 'expired', expiresAt: new Date(row.expires_at).toISOString() },
      message: 'No decision before the policy’s expiry',
      webhook: 'promotion.request.expired',
    });
    return true;
  });
}

/** Records every overdue pending request as expired (the sweeper calls this periodically). */
export async function expireOverdueRequests(database: DatabaseHandle, now = Date.now()): Promise<number> {
  let expired = 0;
  for (const id of await overdueRequestIds(database.db, now, 500)) {
    if (await expireIfOverdue(database, id, systemContext, now)) expired += 1;
  }
  return expired;
}
