import type { FastifyInstance, FastifyRequest } from 'fastify';
import { mlflowRoute } from '../../mlflow/mlflow-route';
import { decodePageToken, encodePageToken } from '../../mlflow/offset-page-token';
import { invalidParameter } from '../../errors';
import { auditContextFor } from '../auth/principal';
import { metricHistoryRows } from './metrics.repository';
import { parseLogBatch } from './log-batch-parse';
import { logInputs, logOutputs } from './run-inputs.service';
import { logBatch, logMetric, logModel, logParam } from './run-logging.service';
import { requireRunRow } from './runs.service';
import { storedMetricValue } from './tracking-json';
import * as messages from './tracking-messages';
import { runIdOf } from './tracking-validation';

const allRows = 2 ** 31 - 1;

/** Logging to runs (params, metrics, batches, models, inputs, outputs) and reading metric history. */
export function runLoggingRoutes(app: FastifyInstance) {
  const { database } = app.deps;
  const context = (request: FastifyRequest) => auditContextFor(request.principal, request);

  mlflowRoute(app, {
    method: 'POST',
    path: 'runs/log-parameter',
    access: 'tracking:write',
    request: messages.logParam,
    handler: async (input, request) => logParam(database, context(request), runIdOf(input), { key: input.key, value: input.value }),
  });
  mlflowRoute(app, {
    method: 'POST',
    path: 'runs/log-metric',
    access: 'tracking:write',
    request: messages.logMetric,
    handler: async (input, request) => logMetric(database, context(request), runIdOf(input), input),
  });
  mlflowRoute(app, {
    method: 'POST',
    path: 'runs/log-batch',
    access: 'tracking:write',
    request: messages.logBatch,
    parse: parseLogBatch,
    // 100 params of 6,000 characters and 100 tags of 8,000 exceed the default 1 MB.
    bodyLimit: 2 * 1024 * 1024,
    handler: async (input, request) =>
      logBatch(database, context(request), runIdOf(input), { metrics: input.metrics ?? [], params: input.params ?? [], tags: input.tags ?? [] }),
  });
  mlflowRoute(app, {
    method: 'POST',
    path: 'runs/log-model',
    access: 'tracking:write',
    request: messages.logModel,
    handler: async (input, request) => logModel(database, context(request), runIdOf(input), input.model_json),
  });
  mlflowRoute(app, {
    method: 'POST',
    path: 'runs/log-inputs',
    access: 'tracking:write',
    request: messages.logInputs,
    // A dataset profile may be up to 16 MB (MLflow's limit).
    bodyLimit: 20 * 1024 * 1024,
    handler: async (input, request) => logInputs(database, context(request), runIdOf(input), { datasets: input.datasets ?? [], models: input.models ?? [] }),
  });
  mlflowRoute(app, {
    method: 'POST',
    path: 'runs/outputs',
    access: 'tracking:write',
    request: messages.logOutputs,
    handler: async (input, request) => logOutputs(database, context(request), runIdOf(input), input.models),
  });

  mlflowRoute(app, {
    method: 'GET',
    path: 'metrics/get-history',
    access: 'tracking:read',
    request: messages.metricHistory,
    handler: async (input) => {
      const runId = runIdOf(input);
      await requireRunRow(database.db, runId);
      if (input.max_results !== undefined && input.max_results < 1) throw invalidParameter(`Invalid value ${input.max_results} for parameter 'max_results': it must be positive.`);
      const bound = { run_id: runId, key: input.metric_key };
      const offset = decodePageToken(input.page_token, bound);
      const limit = input.max_results ?? allRows;
      const rows = await metricHistoryRows(database.db, runId, input.metric_key, offset, limit === allRows ? limit : limit + 1);
      const page = rows.slice(0, limit);
      return {
        metrics: page.map((row) => ({
          key: row.key,
          value: storedMetricValue(row),
          timestamp: row.timestamp,
          step: row.step,
          dataset_name: row.dataset_name,
          dataset_digest: row.dataset_digest,
          model_id: row.model_id,
          run_id: row.run_uuid,
        })),
        next_page_token: rows.length > limit ? encodePageToken(offset + limit, bound) : undefined,
      };
    },
  });
}
