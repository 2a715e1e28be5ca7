import type { Policy } from '../../../shared/contract/promotion-policies';

/**
 * The policy a new environment starts with (admins change it in Settings): a protected environment
 * is like production (gates plus one approval by an approver or admin, never the requester), an
 * unprotected one like staging (gates only, applied at once).
 */
export function defaultPolicyFor(isProtected: boolean): Policy {
  const rollback = { allowedRoles: ['ml-engineer', 'admin'] as Policy['approverRoles'], requiredApprovals: isProtected ? 1 : 0, breakGlass: true, notifyApprovers: true };
  return {
    requiredApprovals: isProtected ? 1 : 0,
    approverRoles: ['approver', 'admin'],
    requesterMayApprove: false,
    expiryHours: 72,
    autoApply: !isProtected,
    gates: isProtected ? [{ type: 'signature-present' }, { type: 'no-critical-drift' }] : [{ type: 'signature-present' }],
    rollback,
  };
}
