import type { FastifyInstance } from 'fastify';
import { mlflowRoute } from '../../mlflow/mlflow-route';
import { invalidParameter } from '../../errors';
import { experimentNumber } from './experiments.service';
import { bulkMetricHistoryRows } from './metrics.repository';
import { datasetSummaryRows } from './run-inputs.repository';
import { storedMetricValue } from './tracking-json';
import * as messages from './tracking-messages';
import { validateRunId } from './tracking-validation';

/**
 * Two reads MLflow's web UI makes under /ajax-api (served under /api as well): the datasets used
 * in experiments, and several runs' history of one metric.
 */
export function trackingUiRoutes(app: FastifyInstance) {
  const { database } = app.deps;

  mlflowRoute(app, {
    method: 'POST',
    path: 'experiments/search-datasets',
    access: 'tracking:read',
    request: messages.searchDatasets,
    handler: async (input) => {
      const ids = input.experiment_ids ?? [];
      if (ids.length < 1 || ids.length > 20) throw invalidParameter(`experiment_ids must name 1 to 20 experiments, got ${ids.length}.`);
      const numbers = ids.flatMap((id) => {
        try {
          return [experimentNumber(id)];
        } catch {
          return []; // an id that names no experiment contributes no datasets
        }
      });
      const rows = numbers.length === 0 ? [] : await datasetSummaryRows(database.db, numbers, 1000);
      return {
        dataset_summaries: rows.map((row) => ({ experiment_id: String(row.experiment_id), name: row.name, digest: row.digest, context: row.context })),
      };
    },
  });

  mlflowRoute(app, {
    method: 'GET',
    path: 'metrics/get-history-bulk',
    access: 'tracking:read',
    request: messages.metricHistoryBulk,
    handler: async (input) => {
      const runIds = [...new Set(input.run_id ?? [])].map(validateRunId);
      if (runIds.length < 1 || runIds.length > 100) throw invalidParameter(`GetMetricHistoryBulk requires 1 to 100 run_id values, got ${runIds.length}.`);
      const maxResults = input.max_results ?? 25_000;
      if (maxResults < 1 || maxResults > 25_000) throw invalidParameter(`max_results must be between 1 and 25000, got ${maxResults}.`);
      const rows = await bulkMetricHistoryRows(database.db, runIds, input.metric_key, maxResults);
      return { metrics: rows.map((row) => ({ key: row.key, value: storedMetricValue(row), timestamp: row.timestamp, step: row.step, run_id: row.run_uuid })) };
    },
  });
}
