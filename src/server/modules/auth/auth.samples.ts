import type { MutationSamples } from '../../testing/mutation-samples';

/** Valid requests for the auth module's mutating routes (see src/server/testing/mutation-samples.ts). */
export const authSamples: MutationSamples = {
  'POST /api/v1/auth/sign-in': async ({ t }) => {
    const user = await t.userWithRole('viewer');
    return { method: 'POST', url: '/api/v1/auth/sign-in', payload: { username: user.username, password: user.password } };
  },
  'POST /api/v1/auth/sign-out': async ({ t }) => {
    const user = await t.userWithRole('viewer');
    const signIn = await t.app.inject({ method: 'POST', url: '/api/v1/auth/sign-in', payload: { username: user.username, password: user.password } });
    const cookie = signIn.cookies.find((c) => c.name === 'sextant_session');
    return { method: 'POST', url: '/api/v1/auth/sign-out', headers: { cookie: `sextant_session=${cookie?.value}`, 'x-csrf-token': signIn.json().csrfToken } };
  },
  'PATCH /api/v1/me': async ({ admin }) => ({ method: 'PATCH', url: '/api/v1/me', headers: admin, payload: { displayName: 'Renamed' } }),
  'POST /api/v1/me/password': async ({ t }) => {
    const user = await t.userWithRole('viewer');
    return { method: 'POST', url: '/api/v1/me/password', headers: user.headers, payload: { currentPassword: user.password, newPassword: 'a-new-password-1' } };
  },
  'POST /api/v1/users': async ({ admin }) => ({
    method: 'POST',
    url: '/api/v1/users',
    headers: admin,
    payload: { username: 'sampled-user', role: 'viewer', password: 'sampled-password' },
  }),
  'PATCH /api/v1/users/:userId': async ({ t, admin }) => {
    const user = await t.userWithRole('viewer');
    return { method: 'PATCH', url: `/api/v1/users/${user.userId}`, headers: admin, payload: { role: 'approver' } };
  },
  'POST /api/v1/me/tokens': async ({ admin }) => ({ method: 'POST', url: '/api/v1/me/tokens', headers: admin, payload: { name: 'sampled' } }),
  'DELETE /api/v1/me/tokens/:tokenId': async ({ t, admin }) => {
    const created = await t.app.inject({ method: 'POST', url: '/api/v1/me/tokens', headers: admin, payload: { name: 'to revoke' } });
    return { method: 'DELETE', url: `/api/v1/me/tokens/${created.json().token.id}`, headers: admin };
  },
};
