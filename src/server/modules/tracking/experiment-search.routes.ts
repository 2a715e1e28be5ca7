import type { FastifyInstance } from 'fastify';
import { mlflowRoute } from '../../mlflow/mlflow-route';
import { searchExperiments } from './experiment-search.service';
import * as messages from './tracking-search.messages';

/** `experiments/search`, served for GET (query string) and POST (JSON body) as MLflow does. */
export function experimentSearchRoutes(app: FastifyInstance) {
  const { database } = app.deps;
  mlflowRoute(app, {
    method: ['GET', 'POST'],
    path: 'experiments/search',
    access: 'tracking:read',
    request: messages.searchExperiments,
    handler: async (fields) => {
      const page = await searchExperiments(database, {
        filter: fields.filter,
        orderBy: fields.order_by,
        maxResults: fields.max_results,
        pageToken: fields.page_token,
        viewType: fields.view_type,
      });
      return { experiments: page.experiments, next_page_token: page.nextPageToken };
    },
  });
}
