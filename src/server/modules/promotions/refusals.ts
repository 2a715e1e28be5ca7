import type { Verdict } from '../../../shared/lib/promotion-state-machine';
import type { DatabaseHandle } from '../../db/database';
import { inTransaction } from '../../db/transaction';
import { conflict, forbidden } from '../../errors';
import { appendAudit, type AuditContext } from '../audit/audit.service';

/**
 * Audits a rule-level authorisation failure (the route allowed the caller, a promotion rule did not)
 * in its own transaction, then throws the 403. Route-level refusals are audited by access control.
 */
export async function refuseForbidden(
  database: DatabaseHandle,
  context: AuditContext,
  entity: { type: string; id: string },
  details: { action: string; role: string; reason: string },
): Promise<never> {
  await inTransaction(database, (tx) =>
    appendAudit(tx, context, { action: 'access.denied', entityType: entity.type, entityId: entity.id, after: details }),
  );
  throw forbidden(details.reason);
}

/** Throws the refusal a verdict carries (403 audited, or 409); returns the next state otherwise. */
export async function requireAllowed(
  database: DatabaseHandle,
  context: AuditContext,
  requestId: number,
  verdict: Verdict,
  details: { action: string; role: string },
) {
  if (verdict.allowed) return verdict.next;
  if (verdict.refusal === 'forbidden') {
    return refuseForbidden(database, context, { type: 'promotion-request', id: String(requestId) }, { ...details, reason: verdict.message });
  }
  throw conflict(verdict.message);
}
