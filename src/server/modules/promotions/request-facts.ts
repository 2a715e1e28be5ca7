import { type ActorFacts, type RequestFacts } from '../../../shared/lib/promotion-state-machine';
import type { Principal } from '../auth/principal';
import type { PromotionDecisionsTable, PromotionRequestRow } from './promotions.tables';
import { effectiveState } from './requests.repository';

type DecisionRow = Pick<PromotionDecisionsTable, 'user_id'>;

/** The state machine's view of a stored request. */
export function requestFacts(row: PromotionRequestRow, now = Date.now()): RequestFacts {
  return {
    state: row.state as RequestFacts['state'],
    approvalCount: row.approval_count,
    requiredApprovals: row.required_approvals,
    approverRoles: row.approver_roles.split(',').filter(Boolean) as RequestFacts['approverRoles'],
    requesterMayApprove: row.requester_may_approve === 1,
    breakGlass: row.break_glass === 1,
    expired: effectiveState(row, now) === 'expired',
  };
}

/** The state machine's view of who acts: a person (role, requester?, decided?) or the server. */
export function actorFacts(principal: Principal | null, row: PromotionRequestRow, decisions: readonly DecisionRow[]): ActorFacts {
  if (!principal) return { kind: 'system' };
  return {
    kind: 'user',
    role: principal.role,
    isRequester: Number(row.requested_by) === principal.user.id,
    hasDecided: decisions.some((d) => Number(d.user_id) === principal.user.id),
  };
}
