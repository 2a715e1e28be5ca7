import type { FastifyInstance } from 'fastify';
import { PreSerialized } from '../../http/contract-route';
import { mlflowRoute } from '../../mlflow/mlflow-route';
import { metricHistoryBulkInterval } from './metric-bulk-interval.service';
import * as messages from './tracking-search.messages';

/** `metrics/get-history-bulk-interval` (MLflow 2.11+, used by the UI's charts). */
export function metricBulkIntervalRoutes(app: FastifyInstance) {
  const { database } = app.deps;
  mlflowRoute(app, {
    method: 'GET',
    path: 'metrics/get-history-bulk-interval',
    access: 'tracking:read',
    request: messages.metricBulkInterval,
    handler: async (fields) => {
      const body = await metricHistoryBulkInterval(database, {
        runIds: fields.run_ids ?? [],
        metricKey: fields.metric_key,
        startStep: fields.start_step,
        endStep: fields.end_step,
        maxResults: fields.max_results,
      });
      return new PreSerialized(body.parts, body.release);
    },
  });
}
