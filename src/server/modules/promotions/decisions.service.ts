import { decide } from '../../../shared/lib/promotion-state-machine';
import { inTransaction } from '../../db/transaction';
import { ApiError, notFound } from '../../errors';
import type { AuditContext } from '../audit/audit.service';
import { systemContext } from '../audit/audit.service';
import type { Principal } from '../auth/principal';
import { applyPromotionRequest, type PromotionDeps } from './apply.service';
import { actorFacts, requestFacts } from './request-facts';
import { expireIfOverdue, recordTransition } from './request-transitions';
import { requireAllowed } from './refusals';
import { decisionRows, findRequestRow, insertComment, insertDecision, updateRequestRow } from './requests.repository';

type Decision = 'approve' | 'reject' | 'cancel' | 'comment';

/**
 * Approve, reject, cancel or comment: the state machine decides inside the transaction that holds
 * the request's row, so two approvers deciding at once are counted one after the other. Refusals
 * are checked before anything is written; authorisation refusals are audited.
 */
export async function decideOnRequest(
  deps: PromotionDeps,
  principal: Principal,
  requestId: number,
  action: Decision,
  comment: string | null,
  context: AuditContext,
): Promise<void> {
  const { database } = deps;
  await expireIfOverdue(database, requestId, context);
  const outcome = await inTransaction(database, async (tx) => {
    const row = await findRequestRow(tx, requestId, { lock: true });
    if (!row) throw notFound(`No promotion request ${requestId}`);
    const decisions = await decisionRows(tx, requestId);
    const verdict = decide(requestFacts(row), actorFacts(principal, row, decisions), action);
    if (!verdict.allowed) return { verdict, autoApply: false };
    const by = principal.user.username;

    if (action === 'comment') {
      await insertComment(tx, { requestId, userId: principal.user.id, username: by, body: comment ?? '' });
      await recordTransition(tx, context, row, { action: 'commented', before: null, after: { comment }, message: comment });
      return { verdict, autoApply: false };
    }
    const approvals = row.approval_count + (action === 'approve' ? 1 : 0);
    if (action === 'approve' || action === 'reject') {
      await insertDecision(tx, { requestId, userId: principal.user.id, username: by, role: principal.role, decision: action, comment });
    }
    await updateRequestRow(tx, requestId, [row.state], { state: verdict.next, approval_count: approvals });
    await recordTransition(tx, context, row, {
      action: pastTense[action],
      before: { state: row.state, approvals: row.approval_count },
      after: { state: verdict.next, approvals, requiredApprovals: row.required_approvals },
      justification: comment,
      message: comment,
      webhook: `promotion.request.${pastTense[action]}`,
    });
    return { verdict, autoApply: verdict.next === 'approved' && row.state !== 'approved' && row.auto_apply === 1 };
  });
  await requireAllowed(database, context, requestId, outcome.verdict, { action, role: principal.role });
  if (outcome.autoApply) {
    // The policy applies on approval: the server applies, on behalf of no one in particular. If that
    // fails (gates, a moved deployment), the request records why; the approval itself stands.
    try {
      await applyPromotionRequest(deps, null, requestId, { ...systemContext, requestId: context.requestId });
    } catch (error) {
      if (!(error instanceof ApiError && error.status === 409)) throw error;
    }
  }
}

const pastTense: Record<Exclude<Decision, 'comment'>, string> = { approve: 'approved', reject: 'rejected', cancel: 'cancelled' };
