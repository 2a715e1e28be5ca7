import type { FastifyInstance } from 'fastify';
import { deleteModelPolicy as deleteRoute, listPolicies, putEnvironmentPolicy, putModelPolicy } from '../../../shared/contract/promotion-policies';
import { contractRoute } from '../../http/contract-route';
import { principalOf } from '../auth/auth.routes';
import { auditContextFor } from '../auth/principal';
import { listPolicyRows, toPolicyEntry } from './policies.repository';
import { deleteModelPolicy, putPolicy } from './policies.service';

export async function policiesRoutes(app: FastifyInstance) {
  const { database } = app.deps;

  contractRoute(app, listPolicies, 'deployments:read', async () => ({ items: (await listPolicyRows(database.db)).map(toPolicyEntry) }));
  contractRoute(app, putEnvironmentPolicy, 'settings:admin', ({ params, body }, request) =>
    putPolicy(app.deps, { environment: params.environment, modelName: null }, body, auditContextFor(principalOf(request), request)),
  );
  contractRoute(app, putModelPolicy, 'settings:admin', ({ params, body }, request) =>
    putPolicy(app.deps, { environment: params.environment, modelName: params.model }, body, auditContextFor(principalOf(request), request)),
  );
  contractRoute(app, deleteRoute, 'settings:admin', async ({ params }, request) => {
    await deleteModelPolicy(database, params.environment, params.model, auditContextFor(principalOf(request), request));
    return {};
  });
}
