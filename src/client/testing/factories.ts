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
