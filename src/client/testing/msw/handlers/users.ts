import { createMyToken, createUser, listMyTokens, listUsers, revokeMyToken, updateUser } from '../../../../shared/contract/users';
import type { ApiToken } from '../../../../shared/contract/users';
import type { User } from '../../../../shared/contract/auth';
import { buildToken, buildUser } from '../../factories';
import { contractHandler, errorResponse } from '../contract-handler';

let users: User[] = [];
let tokens: ApiToken[] = [];

/** Resets the users and tokens the handlers serve. */
export function mockUsersAndTokens(next: { users?: User[]; tokens?: ApiToken[] }) {
  users = next.users ?? [buildUser({ username: 'ada', role: 'admin' }), buildUser({ username: 'grace', role: 'data-scientist' })];
  tokens = next.tokens ?? [];
}
mockUsersAndTokens({});

export const usersHandlers = [
  contractHandler(listUsers, () => ({ items: users })),
  contractHandler(createUser, ({ body }) => {
    const input = body as { username: string; role: User['role'] };
    if (users.some((u) => u.username === input.username)) {
      return errorResponse(400, 'RESOURCE_ALREADY_EXISTS', `A user named "${input.username}" already exists`);
    }
    const user = buildUser({ username: input.username, displayName: input.username, role: input.role });
    users = [...users, user];
    return user;
  }),
  contractHandler(updateUser, ({ params, body }) => {
    const index = users.findIndex((u) => u.id === params.userId);
    const current = users[index];
    if (!current) return errorResponse(404, 'RESOURCE_DOES_NOT_EXIST', 'No such user');
    const updated = { ...current, ...(body as Partial<User>) };
    users = users.map((u) => (u.id === updated.id ? updated : u));
    return updated;
  }),
  contractHandler(listMyTokens, () => ({ items: tokens })),
  contractHandler(createMyToken, ({ body }) => {
    const token = buildToken({ name: (body as { name: string }).name });
    tokens = [token, ...tokens];
    return { token, secret: 'sxt_0123456789abcdefghijABCDEFGHIJ0123456789' };
  }),
  contractHandler(revokeMyToken, ({ params }) => {
    tokens = tokens.map((t) => (t.id === params.tokenId ? { ...t, revokedAt: '2026-11-03T10:00:00.000Z' } : t));
    return {};
  }),
];
