import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { changeMyPassword, getMe, signIn as signInRoute, signOut as signOutRoute, updateMe } from '../../../shared/contract/auth';
import { contractRoute } from '../../http/contract-route';
import { sessionCookieName } from '../../plugins/access-control';
import { auditContextFor, toSessionInfo, type Principal } from './principal';
import { signIn, signOut } from './sign-in.service';
import { changeOwnPassword, renameSelf } from './users.service';

/** Narrows `request.principal` on routes whose access guarantees a signed-in caller. */
export function principalOf(request: FastifyRequest): Principal {
  if (!request.principal) throw new Error('principalOf() used on a public route');
  return request.principal;
}

function setSessionCookie(request: FastifyRequest, reply: FastifyReply, value: string, expiresAt: number) {
  reply.setCookie(sessionCookieName, value, {
    httpOnly: true,
    sameSite: 'lax',
    path: '/',
    secure: request.protocol === 'https',
    expires: new Date(expiresAt),
  });
}

export async function authRoutes(app: FastifyInstance) {
  const { database, authenticator } = app.deps;

  contractRoute(app, signInRoute, 'public', async ({ body }, request, reply) => {
    const context = { ...auditContextFor(null, request), clientIp: request.ip };
    const result = await signIn(database, authenticator, body, context);
    setSessionCookie(request, reply, result.sessionSecret, result.expiresAt);
    return toSessionInfo(result.principal);
  });

  contractRoute(app, signOutRoute, 'authenticated', async (_input, request, reply) => {
    const principal = principalOf(request);
    if (principal.sessionId) await signOut(database, principal.sessionId, auditContextFor(principal, request));
    reply.clearCookie(sessionCookieName, { path: '/' });
    return {};
  });

  contractRoute(app, getMe, 'authenticated', (_input, request) => toSessionInfo(principalOf(request)));

  contractRoute(app, updateMe, 'authenticated', ({ body }, request) => {
    const principal = principalOf(request);
    return renameSelf(database, principal.user, body.displayName, auditContextFor(principal, request));
  });

  contractRoute(app, changeMyPassword, 'authenticated', async ({ body }, request) => {
    const principal = principalOf(request);
    await changeOwnPassword(database, principal.user, body, principal.sessionId, auditContextFor(principal, request));
    return {};
  });
}
