import type { AuditEvent, ChainStatus } from '../../shared/contract/audit';
import type { SessionInfo, User } from '../../shared/contract/auth';
import type { ApiToken } from '../../shared/contract/users';

let sequence = 1;

/** Data generators shared by client tests and the dev:mock mode. */
export function buildUser(overrides: Partial<User> = {}): User {
  const id = String(sequence++);
  return {
    id,
    username: `user${id}`,
    displayName: `User ${id}`,
    role: 'data-scientist',
    disabled: false,
    createdAt: '2026-11-01T09:00:00.000Z',
    lastSignInAt: null,
    ...overrides,
  };
}

export function buildSession(user: Partial<User> = {}): SessionInfo {
  return { user: buildUser(user), via: 'session', csrfToken: 'csrf-test-token' };
}

export function buildToken(overrides: Partial<ApiToken> = {}): ApiToken {
  const id = String(sequence++);
  return {
    id,
    name: `token ${id}`,
    prefix: 'sxt_AbCdEfGh',
    createdAt: '2026-11-02T10:00:00.000Z',
    lastUsedAt: null,
    expiresAt: null,
    revokedAt: null,
    ...overrides,
  };
}

export function buildAuditEvent(overrides: Partial<AuditEvent> = {}): AuditEvent {
  const seq = overrides.seq ?? sequence++;
  return {
    seq,
    occurredAt: '2026-11-03T10:00:00.000Z',
    actor: { id: '1', name: 'ada', via: 'session' },
    action: 'user.updated',
    entityType: 'user',
    entityId: '2',
    before: null,
    after: null,
    justification: null,
    requestId: `req-${seq}`,
    clientIp: '10.0.0.7',
    prevHash: '0'.repeat(64),
    hash: 'a'.repeat(64),
    ...overrides,
  };
}

export function buildChainStatus(overrides: Partial<ChainStatus> = {}): ChainStatus {
  return {
    ok: true,
    mode: 'incremental',
    fromSeq: 0,
    checked: 12,
    verifiedThroughSeq: 12,
    head: { seq: 12, hash: 'a'.repeat(64) },
    broken: null,
    retentionCheckpoint: null,
    verifiedAt: '2026-11-03T10:00:00.000Z',
    ...overrides,
  };
}
