import type { FastifyInstance } from 'fastify';
import { createUser as createUserRoute, listUsers as listUsersRoute, updateUser as updateUserRoute } from '../../../shared/contract/users';
import { contractRoute } from '../../http/contract-route';
import { principalOf } from './auth.routes';
import { auditContextFor } from './principal';
import { listUsers, toUser } from './users.repository';
import { createUser, updateUser } from './users.service';

export async function usersRoutes(app: FastifyInstance) {
  const { database } = app.deps;

  contractRoute(app, listUsersRoute, 'users:admin', async () => ({ items: (await listUsers(database.db)).map(toUser) }));

  contractRoute(app, createUserRoute, 'users:admin', ({ body }, request) =>
    createUser(database, body, auditContextFor(principalOf(request), request)),
  );

  contractRoute(app, updateUserRoute, 'users:admin', ({ params, body }, request) =>
    updateUser(database, Number(params.userId), body, auditContextFor(principalOf(request), request)),
  );
}
