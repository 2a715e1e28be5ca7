import { describe, expect, it } from 'vitest';
import { roles, type Role } from '../permissions';
import {
  type ActorFacts,
  availableActions,
  decide,
  initialState,
  type RequestAction,
  requestActions,
  type RequestFacts,
  type RequestState,
  requestStates,
} from './promotion-state-machine';

/** The production policy as seeded: one approval by an approver or admin, never the requester. */
const request = (state: RequestState, overrides: Partial<RequestFacts> = {}): RequestFacts => ({
  state,
  approvalCount: 0,
  requiredApprovals: 1,
  approverRoles: ['approver', 'admin'],
  requesterMayApprove: false,
  breakGlass: false,
  expired: false,
  ...overrides,
});
const user = (role: Role, isRequester = false, hasDecided = false): ActorFacts => ({ kind: 'user', role, isRequester, hasDecided });
const system: ActorFacts = { kind: 'system' };

// Written out by hand (not derived from permissions.ts), so a change there shows up here.
const mayDecide = new Set<Role>(['approver', 'admin']);
const mayApply = new Set<Role>(['ml-engineer', 'admin']);
const mayComment = new Set<Role>(['ml-engineer', 'approver', 'admin']);

/** What an authorised actor gets in each state (request with 0 of 1 approvals, not expired). */
const byState: Record<RequestAction, Partial<Record<RequestState, RequestState>>> = {
  approve: { pending: 'approved' },
  reject: { pending: 'rejected' },
  cancel: { pending: 'cancelled', approved: 'cancelled' },
  apply: { approved: 'applied' },
  comment: Object.fromEntries(requestStates.map((s) => [s, s])),
  expire: {},
  fail: { pending: 'failed', approved: 'failed' },
};

function userAuthorised(action: RequestAction, role: Role, isRequester: boolean): boolean {
  switch (action) {
    case 'approve':
    case 'reject':
      return mayDecide.has(role) && !isRequester;
    case 'cancel':
      return isRequester || role === 'admin';
    case 'apply':
      return mayApply.has(role);
    case 'comment':
      return mayComment.has(role);
    case 'expire':
    case 'fail':
      return false;
  }
}

describe('every state × every action × every role', () => {
  for (const state of requestStates) {
    for (const action of requestActions) {
      for (const role of roles) {
        for (const isRequester of [false, true]) {
          it(`${role}${isRequester ? ' (requester)' : ''}: ${action} on ${state}`, () => {
            const verdict = decide(request(state), user(role, isRequester), action);
            if (!userAuthorised(action, role, isRequester)) {
              expect(verdict).toMatchObject({ allowed: false, refusal: 'forbidden' });
              return;
            }
            const next = byState[action][state];
            expect(verdict).toEqual(next ? { allowed: true, next } : expect.objectContaining({ allowed: false, refusal: 'conflict' }));
          });
        }
      }
      it(`system: ${action} on ${state}`, () => {
        const verdict = decide(request(state, { expired: true }), system, action);
        const expected: Partial<Record<RequestAction, Partial<Record<RequestState, RequestState>>>> = {
          expire: { pending: 'expired' },
          fail: { pending: 'failed', approved: 'failed' },
          apply: { approved: 'applied' },
        };
        const table = expected[action];
        if (!table) return expect(verdict).toMatchObject({ allowed: false, refusal: 'forbidden' });
        const next = table[state];
        expect(verdict).toEqual(next ? { allowed: true, next } : expect.objectContaining({ allowed: false, refusal: 'conflict' }));
      });
    }
  }
});

describe('rules beyond the table', () => {
  it('needs every required approval before the request is approved', () => {
    const twoNeeded = request('pending', { requiredApprovals: 2 });
    expect(decide(twoNeeded, user('approver'), 'approve')).toEqual({ allowed: true, next: 'pending' });
    expect(decide({ ...twoNeeded, approvalCount: 1 }, user('admin'), 'approve')).toEqual({ allowed: true, next: 'approved' });
    expect(decide({ ...twoNeeded, approvalCount: 1 }, user('ml-engineer'), 'apply')).toMatchObject({
      allowed: false,
      refusal: 'conflict',
      message: 'The request needs 1 more approval before it can be applied',
    });
  });

  it('allows one decision per approver', () => {
    const verdict = decide(request('pending', { requiredApprovals: 2, approvalCount: 1 }), user('approver', false, true), 'approve');
    expect(verdict).toMatchObject({ allowed: false, refusal: 'conflict', message: 'You have already decided on this request' });
    expect(decide(request('pending'), user('approver', false, true), 'reject')).toMatchObject({ refusal: 'conflict' });
  });

  it('refuses decisions on an expired pending request but lets the server expire it', () => {
    const overdue = request('pending', { expired: true });
    expect(decide(overdue, user('approver'), 'approve')).toMatchObject({ refusal: 'conflict', message: expect.stringMatching(/expired/) });
    expect(decide(overdue, user('ml-engineer', true), 'apply')).toMatchObject({ refusal: 'conflict' });
    expect(decide(overdue, system, 'expire')).toEqual({ allowed: true, next: 'expired' });
    expect(decide(request('pending'), system, 'expire')).toMatchObject({ refusal: 'conflict' });
  });

  it('lets the requester approve only when the policy says so', () => {
    const lenient = request('pending', { requesterMayApprove: true, approverRoles: ['admin'] });
    expect(decide(lenient, user('admin', true), 'approve')).toEqual({ allowed: true, next: 'approved' });
    expect(decide(lenient, user('approver'), 'approve')).toMatchObject({ refusal: 'forbidden', message: expect.stringMatching(/admin, not approver/) });
  });

  it('lets a break-glass requester apply a pending rollback at once, and no one else', () => {
    const breakGlass = request('pending', { breakGlass: true });
    expect(decide(breakGlass, user('ml-engineer', true), 'apply')).toEqual({ allowed: true, next: 'applied' });
    expect(decide(breakGlass, user('admin'), 'apply')).toMatchObject({ refusal: 'conflict' });
  });

  it('starts failed when a gate fails, approved when no approval is needed, pending otherwise', () => {
    expect(initialState({ gatesPassed: false, requiredApprovals: 0, breakGlass: false })).toBe('failed');
    expect(initialState({ gatesPassed: true, requiredApprovals: 0, breakGlass: false })).toBe('approved');
    expect(initialState({ gatesPassed: true, requiredApprovals: 1, breakGlass: false })).toBe('pending');
    expect(initialState({ gatesPassed: true, requiredApprovals: 0, breakGlass: true })).toBe('pending');
  });

  it('lists the buttons a person sees', () => {
    expect(availableActions(request('pending'), user('approver'))).toEqual(['approve', 'reject', 'comment']);
    expect(availableActions(request('pending'), user('ml-engineer', true))).toEqual(['cancel', 'comment']);
    expect(availableActions(request('approved'), user('ml-engineer', true))).toEqual(['cancel', 'apply', 'comment']);
    expect(availableActions(request('applied'), user('viewer'))).toEqual([]);
  });
});
