import type { FastifyInstance } from 'fastify';
import { mlflowRoute } from '../../mlflow/mlflow-route';
import { modelVersionJson, registeredModelJson } from './registry-json';
import * as messages from './registry-messages';
import { searchModelVersions, searchRegisteredModels } from './registry-search.service';

/** `registered-models/search` and `model-versions/search`. */
export function registrySearchRoutes(app: FastifyInstance) {
  const { database } = app.deps;
  const input = (fields: { filter?: string; max_results?: number; order_by?: string[]; page_token?: string }) => ({
    filter: fields.filter,
    maxResults: fields.max_results,
    orderBy: fields.order_by,
    pageToken: fields.page_token,
  });

  mlflowRoute(app, {
    method: 'GET',
    path: 'registered-models/search',
    access: 'registry:read',
    request: messages.search,
    handler: async (fields) => {
      const page = await searchRegisteredModels(database, input(fields));
      return {
        registered_models: page.items.map((model) => registeredModelJson(model, page.latestVersions.filter((version) => version.name === model.name))),
        next_page_token: page.nextPageToken,
      };
    },
  });
  mlflowRoute(app, {
    method: 'GET',
    path: 'model-versions/search',
    access: 'registry:read',
    request: messages.search,
    handler: async (fields) => {
      const page = await searchModelVersions(database, input(fields));
      return { model_versions: page.items.map(modelVersionJson), next_page_token: page.nextPageToken };
    },
  });
}
