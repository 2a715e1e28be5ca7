import type { FastifyInstance } from 'fastify';
import { mlflowRoute } from '../../mlflow/mlflow-route';
import { searchRuns } from './run-search.service';
import * as messages from './tracking-search.messages';
import { loadRuns } from './tracking-json';

/** `runs/search`: a read, though MLflow clients POST it. */
export function runSearchRoutes(app: FastifyInstance) {
  const { database } = app.deps;
  mlflowRoute(app, {
    method: 'POST',
    path: 'runs/search',
    access: 'tracking:read',
    request: messages.searchRuns,
    handler: async (fields) => {
      const page = await searchRuns(database, {
        experimentIds: fields.experiment_ids ?? [],
        filter: fields.filter,
        orderBy: fields.order_by,
        maxResults: fields.max_results,
        pageToken: fields.page_token,
        runViewType: fields.run_view_type,
      });
      return { runs: await loadRuns(database.db, page.runIds), next_page_token: page.nextPageToken };
    },
  });
}
