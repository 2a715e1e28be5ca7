import type { FastifyInstance } from 'fastify';
import { experimentRoutes } from './experiments.routes';
import { runLoggingRoutes } from './run-logging.routes';
import { runRoutes } from './runs.routes';
import { serverInfoRoutes } from './server-info.routes';

/** MLflow's tracking service: experiments, runs, params, metrics, tags, inputs and outputs. */
export async function trackingRoutes(app: FastifyInstance) {
  experimentRoutes(app);
  runRoutes(app);
  runLoggingRoutes(app);
  serverInfoRoutes(app);
}
