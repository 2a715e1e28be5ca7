import { can, type Role } from '../permissions';

/**
 * The promotion request state machine, pure: `pending → approved | rejected | cancelled | expired`,
 * `approved → applied`, and `failed` (with a reason) when gates or the deployment stop an apply.
 * The server asks `decide` before every transition and the dashboard asks it which buttons to show,
 * so the rules exist once.
 */
export const requestStates = ['pending', 'approved', 'rejected', 'cancelled', 'expired', 'applied', 'failed'] as const;
export type RequestState = (typeof requestStates)[number];

export const requestActions = ['approve', 'reject', 'cancel', 'apply', 'comment', 'expire', 'fail'] as const;
export type RequestAction = (typeof requestActions)[number];

export const terminalStates: ReadonlySet<RequestState> = new Set(['rejected', 'cancelled', 'expired', 'applied', 'failed']);

export interface RequestFacts {
  state: RequestState;
  approvalCount: number;
  requiredApprovals: number;
  approverRoles: readonly Role[];
  requesterMayApprove: boolean;
  /** A break-glass rollback: applied at once by its requester, without approvals. */
  breakGlass: boolean;
  /** A pending request whose expiry time has passed. */
  expired: boolean;
}

/** Who acts: a user (by role and relation to the request) or the server itself (expiry, auto-apply). */
export type ActorFacts = { kind: 'system' } | { kind: 'user'; role: Role; isRequester: boolean; hasDecided: boolean };

export type Verdict =
  | { allowed: true; next: RequestState }
  /** forbidden: an authorisation failure (403, audited); conflict: the request's state forbids it (409). */
  | { allowed: false; refusal: 'forbidden' | 'conflict'; message: string };

const refuse = (refusal: 'forbidden' | 'conflict', message: string): Verdict => ({ allowed: false, refusal, message });

/** The state a request starts in, once its gates have run. */
export function initialState(input: { gatesPassed: boolean; requiredApprovals: number; breakGlass: boolean }): RequestState {
  if (!input.gatesPassed) return 'failed';
  return input.requiredApprovals === 0 && !input.breakGlass ? 'approved' : 'pending';
}

export function decide(request: RequestFacts, actor: ActorFacts, action: RequestAction): Verdict {
  const authorisation = authorise(request, actor, action);
  if (authorisation) return authorisation;
  return transition(request, actor, action);
}

/** Who may take the action at all, whatever the state. */
function authorise(request: RequestFacts, actor: ActorFacts, action: RequestAction): Verdict | null {
  if (actor.kind === 'system') {
    return action === 'expire' || action === 'fail' || action === 'apply' ? null : refuse('forbidden', `Only a person can ${action} a request`);
  }
  switch (action) {
    case 'approve':
    case 'reject':
      if (!request.approverRoles.includes(actor.role)) {
        return refuse('forbidden', `The policy accepts decisions from ${request.approverRoles.join(' or ')}, not ${actor.role}`);
      }
      if (actor.isRequester && !request.requesterMayApprove) return refuse('forbidden', 'Requesters cannot decide on their own request');
      return null;
    case 'cancel':
      return actor.isRequester || actor.role === 'admin' ? null : refuse('forbidden', 'Only the requester or an admin can cancel a request');
    case 'apply':
      return can(actor.role, 'promotions:apply') ? null : refuse('forbidden', `Your role (${actor.role}) cannot apply requests`);
    case 'comment':
      return can(actor.role, 'promotions:request') || can(actor.role, 'promotions:approve')
        ? null
        : refuse('forbidden', `Your role (${actor.role}) cannot comment on requests`);
    case 'expire':
    case 'fail':
      return refuse('forbidden', `Only the server can ${action} a request`);
  }
}

function transition(request: RequestFacts, actor: ActorFacts, action: RequestAction): Verdict {
  const { state } = request;
  if (action === 'comment') return { allowed: true, next: state };
  if (terminalStates.has(state)) return refuse('conflict', `The request is ${state}; it cannot be ${pastTense[action]} any more`);
  const pendingExpired = state === 'pending' && request.expired;

  switch (action) {
    case 'approve':
    case 'reject': {
      if (state !== 'pending') return refuse('conflict', `The request is already ${state}`);
      if (pendingExpired) return refuse('conflict', 'The request has expired; ask for a new one');
      if (actor.kind === 'user' && actor.hasDecided) return refuse('conflict', 'You have already decided on this request');
      if (action === 'reject') return { allowed: true, next: 'rejected' };
      return { allowed: true, next: request.approvalCount + 1 >= request.requiredApprovals ? 'approved' : 'pending' };
    }
    case 'cancel':
      return { allowed: true, next: 'cancelled' };
    case 'apply': {
      if (state === 'approved') return { allowed: true, next: 'applied' };
      if (pendingExpired) return refuse('conflict', 'The request has expired; ask for a new one');
      if (request.breakGlass && actor.kind === 'user' && actor.isRequester) return { allowed: true, next: 'applied' };
      const missing = Math.max(request.requiredApprovals - request.approvalCount, 1);
      return refuse('conflict', `The request needs ${missing} more approval${missing === 1 ? '' : 's'} before it can be applied`);
    }
    case 'expire':
      return state === 'pending' && request.expired ? { allowed: true, next: 'expired' } : refuse('conflict', 'Only an overdue pending request expires');
    case 'fail':
      return { allowed: true, next: 'failed' };
  }
}

const pastTense: Record<RequestAction, string> = {
  approve: 'approved',
  reject: 'rejected',
  cancel: 'cancelled',
  apply: 'applied',
  comment: 'commented on',
  expire: 'expired',
  fail: 'failed',
};

/** The actions a user could take now: what the dashboard offers as buttons. */
export function availableActions(request: RequestFacts, actor: ActorFacts): RequestAction[] {
  return requestActions.filter((action) => decide(request, actor, action).allowed);
}
