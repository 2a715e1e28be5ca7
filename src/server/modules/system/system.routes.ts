import { readFileSync } from 'node:fs';
import type { FastifyInstance } from 'fastify';
import { pingDatabase } from '../../db/database';

const packageVersion = (JSON.parse(readFileSync(new URL('../../../../package.json', import.meta.url), 'utf8')) as { version: string }).version;

/** Liveness and readiness for orchestrators. */
export async function systemRoutes(app: FastifyInstance) {
  app.get('/healthz', { config: { access: 'public' }, schema: { hide: true } }, async () => ({ status: 'ok' }));

  // MLflow's own probes: clients and MLflow tooling call these on a tracking server.
  app.get('/health', { config: { access: 'public' }, schema: { hide: true } }, async (_request, reply) => reply.type('text/plain').send('OK'));
  app.get('/version', { config: { access: 'public' }, schema: { hide: true } }, async (_request, reply) => reply.type('text/plain').send(packageVersion));

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
