import type { FastifyInstance } from 'fastify';
import { createMyToken, listMyTokens, revokeMyToken } from '../../../shared/contract/users';
import { contractRoute } from '../../http/contract-route';
import { principalOf } from './auth.routes';
import { auditContextFor } from './principal';
import { listTokensOfUser, toApiToken } from './tokens.repository';
import { createToken, revokeToken } from './tokens.service';

export async function tokensRoutes(app: FastifyInstance) {
  const { database } = app.deps;

  contractRoute(app, listMyTokens, 'authenticated', async (_input, request) => ({
    items: (await listTokensOfUser(database.db, principalOf(request).user.id)).map(toApiToken),
  }));

  contractRoute(app, createMyToken, 'authenticated', ({ body }, request) => {
    const principal = principalOf(request);
    return createToken(database, principal.user.id, body, auditContextFor(principal, request));
  });

  contractRoute(app, revokeMyToken, 'authenticated', async ({ params }, request) => {
    const principal = principalOf(request);
    await revokeToken(database, Number(params.tokenId), principal.user.id, auditContextFor(principal, request));
    return {};
  });
}
