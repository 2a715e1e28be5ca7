import type { FastifyInstance } from 'fastify';
import { runSearchRoutes } from './run-search.routes';

/** The tracking service's searches and bulk metric reads. */
export async function trackingSearchRoutes(app: FastifyInstance) {
  runSearchRoutes(app);
}
