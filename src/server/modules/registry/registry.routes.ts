import type { FastifyInstance } from 'fastify';
import { modelVersionRoutes } from './model-versions.routes';
import { registeredModelRoutes } from './registered-models.routes';
import { registrySearchRoutes } from './registry-search.routes';

/** MLflow's model registry service: registered models, versions, aliases, search. */
export async function registryRoutes(app: FastifyInstance) {
  registeredModelRoutes(app);
  modelVersionRoutes(app);
  registrySearchRoutes(app);
}
