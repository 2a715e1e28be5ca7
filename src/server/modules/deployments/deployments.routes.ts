import type { FastifyInstance, FastifyReply } from 'fastify';
import {
  createEnvironment as createEnvironmentRoute,
  getDeployment,
  getKserveManifest,
  getServing,
  listDeployments,
  listEnvironments,
  updateEnvironment as updateEnvironmentRoute,
} from '../../../shared/contract/deployments';
import { contractRoute } from '../../http/contract-route';
import { principalOf } from '../auth/auth.routes';
import { auditContextFor } from '../auth/principal';
import { listDeploymentRows, toDeployment } from './deployments.repository';
import { deploymentDetail, etagMatches, manifestOf, servingOf } from './deployments.service';
import { listEnvironmentRows, toEnvironment } from './environments.repository';
import { createEnvironment, updateEnvironment } from './environments.service';

export async function deploymentsRoutes(app: FastifyInstance) {
  const { database } = app.deps;
  const db = database.db;

  contractRoute(app, listEnvironments, 'deployments:read', async () => ({ items: (await listEnvironmentRows(db)).map(toEnvironment) }));
  contractRoute(app, createEnvironmentRoute, 'settings:admin', ({ body }, request) =>
    createEnvironment(database, body, auditContextFor(principalOf(request), request)),
  );
  contractRoute(app, updateEnvironmentRoute, 'settings:admin', ({ params, body }, request) =>
    updateEnvironment(database, params.environment, body, auditContextFor(principalOf(request), request)),
  );

  contractRoute(app, listDeployments, 'deployments:read', async ({ query }) => ({
    items: (await listDeploymentRows(db, query)).map(toDeployment),
    environments: (await listEnvironmentRows(db)).map(toEnvironment),
  }));
  contractRoute(app, getDeployment, 'deployments:read', ({ params }) => deploymentDetail(db, Number(params.deploymentId)));
  contractRoute(app, getKserveManifest, 'deployments:read', ({ params }) => manifestOf(db, params.model, params.environment));

  // Serving systems poll this: an unchanged deployment answers 304 without a body.
  app.route({
    method: getServing.method,
    url: getServing.path,
    config: { access: 'deployments:read' },
    schema: { summary: getServing.summary, tags: ['deployments'], params: getServing.params, response: { 200: getServing.response } },
    handler: async (request, reply) => {
      const { model, environment } = request.params as { model: string; environment: string };
      const { serving, etag } = await servingOf(db, model, environment);
      reply.header('etag', etag).header('cache-control', 'no-cache');
      if (etagMatches(request.headers['if-none-match'], etag)) return (reply as FastifyReply).code(304).send();
      return serving;
    },
  });
}
