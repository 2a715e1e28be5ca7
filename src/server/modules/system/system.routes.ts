import type { FastifyInstance } from 'fastify';
import { pingDatabase } from '../../db/database';

/** Liveness and readiness for orchestrators. */
export async function systemRoutes(app: FastifyInstance) {
  app.get('/healthz', { config: { access: 'public' }, schema: { hide: true } }, async () => ({ status: 'ok' }));

  app.get('/readyz', { config: { access: 'public' }, schema: { hide: true } }, async (request, reply) => {
    try {
      await pingDatabase(app.deps.database.db);
      return { status: 'ready', database: app.deps.database.dialect };
    } catch (error) {
      request.log.warn({ err: error }, 'readiness check failed');
      return reply.code(503).send({ status: 'unavailable', reason: 'database is not answering' });
    }
  });
}
