import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { can } from '../../shared/permissions';
import { addressInList } from '../config/address-list';
import { inTransaction } from '../db/transaction';
import { forbidden, unauthenticated } from '../errors';
import { appendAudit } from '../modules/audit/audit.service';
import { auditContextFor } from '../modules/auth/principal';

export const sessionCookieName = 'sextant_session';
const safeMethods = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * The authorization choke point. Every route declares `config.access`; registering one without
 * it throws, so the app cannot start with an unguarded route. One onRequest hook then
 * authenticates the caller and checks the declared permission (and CSRF for ambient
 * credentials) for every request of every API family, before any body is read.
 */
export const accessControlPlugin = fp(
  async (app: FastifyInstance) => {
    app.decorateRequest('principal', null);

    app.addHook('onRoute', (route) => {
      const access = route.config?.access;
      if (!access) throw new Error(`Route ${String(route.method)} ${route.url} declares no config.access`);
      for (const method of [route.method].flat()) app.deps.routeTable.push({ method, url: route.url, access });
    });

    app.addHook('onRequest', async (request) => {
      // Routes always have access declared (see onRoute); only the not-found handler has none.
      const access = request.routeOptions.config.access ?? 'public';
      const credentials = readCredentials(app, request);
      if (access === 'public' && !credentials.authorization && !credentials.sessionSecret && !credentials.proxyUser) return;

      request.principal = await app.deps.authenticator.resolve(credentials);
      if (access === 'public') return;
      if (!request.principal) throw unauthenticated('Sign in required (session cookie, Bearer token or Basic credentials)');

      if (access !== 'authenticated' && !can(request.principal.role, access)) {
        await inTransaction(app.deps.database, (tx) =>
          appendAudit(tx, auditContextFor(request.principal, request), {
            action: 'access.denied',
            entityType: 'route',
            entityId: `${request.method} ${request.routeOptions.url}`,
            after: { permission: access, role: request.principal?.role },
          }),
        );
        throw forbidden(`Your role (${request.principal.role}) lacks the ${access} permission`);
      }

      const ambient = request.principal.via === 'session' || request.principal.via === 'proxy';
      if (ambient && !safeMethods.has(request.method) && request.headers['x-csrf-token'] !== request.principal.csrfToken) {
        throw forbidden('Missing or invalid X-CSRF-Token header (reload the page and try again)');
      }
    });
  },
  { name: 'access-control', dependencies: ['@fastify/cookie'] },
);

function readCredentials(app: FastifyInstance, request: FastifyRequest) {
  const { authProxyHeader, trustedProxies } = app.deps.config;
  const fromTrustedProxy = authProxyHeader !== undefined && addressInList(request.socket.remoteAddress, trustedProxies);
  const proxyHeader = fromTrustedProxy ? request.headers[authProxyHeader] : undefined;
  return {
    authorization: request.headers.authorization,
    sessionSecret: request.cookies[sessionCookieName],
    proxyUser: typeof proxyHeader === 'string' && proxyHeader !== '' ? proxyHeader : undefined,
    context: { ...auditContextFor(null, request), clientIp: request.ip },
  };
}
