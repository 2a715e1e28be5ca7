import type { FastifyInstance } from 'fastify';
import { experimentSearchRoutes } from './experiment-search.routes';
import { metricBulkIntervalRoutes } from './metric-bulk-interval.routes';
import { runSearchRoutes } from './run-search.routes';

/** The tracking service's searches and bulk metric reads. */
export async function trackingSearchRoutes(app: FastifyInstance) {
  runSearchRoutes(app);
  experimentSearchRoutes(app);
  metricBulkIntervalRoutes(app);
}
