import type { FastifyInstance, FastifyRequest } from 'fastify';
import { mlflowRoute } from '../../mlflow/mlflow-route';
import { decodePageToken, encodePageToken, maxResults } from '../../mlflow/offset-page-token';
import { invalidParameter } from '../../errors';
import { auditContextFor } from '../auth/principal';
import { listExperimentIds } from './experiments.repository';
import {
  createExperiment,
  deleteExperiment,
  deleteExperimentTag,
  getExperiment,
  getExperimentByName,
  renameExperiment,
  restoreExperiment,
  setExperimentTag,
} from './experiments.service';
import { loadExperiments } from './tracking-json';
import * as messages from './tracking-messages';

const viewTypes: Record<string, string[]> = { ACTIVE_ONLY: ['active'], DELETED_ONLY: ['deleted'], ALL: ['active', 'deleted'] };

export function lifecycleStagesFor(viewType: string | undefined): string[] {
  const stages = viewTypes[(viewType ?? 'ACTIVE_ONLY').toUpperCase()];
  if (!stages) throw invalidParameter(`Invalid view_type ${JSON.stringify(viewType?.slice(0, 50))}: use ACTIVE_ONLY, DELETED_ONLY or ALL.`);
  return stages;
}

/** `experiments/*` of MLflow's tracking service (experiments/search is in experiment-search.routes.ts). */
export function experimentRoutes(app: FastifyInstance) {
  const { database } = app.deps;
  const context = (request: FastifyRequest) => auditContextFor(request.principal, request);

  mlflowRoute(app, {
    method: 'POST',
    path: 'experiments/create',
    access: 'tracking:write',
    request: messages.createExperiment,
    handler: async (input, request) => ({
      experiment_id: await createExperiment(database, context(request), { name: input.name, artifactLocation: input.artifact_location, tags: input.tags ?? [] }),
    }),
  });
  mlflowRoute(app, {
    method: 'GET',
    path: 'experiments/get',
    access: 'tracking:read',
    request: messages.experimentRef,
    handler: async (input) => ({ experiment: await getExperiment(database, input.experiment_id) }),
  });
  mlflowRoute(app, {
    method: 'GET',
    path: 'experiments/get-by-name',
    access: 'tracking:read',
    request: messages.experimentByName,
    handler: async (input) => ({ experiment: await getExperimentByName(database, input.experiment_name) }),
  });
  mlflowRoute(app, {
    method: 'POST',
    path: 'experiments/update',
    access: 'tracking:write',
    request: messages.updateExperiment,
    handler: async (input, request) => renameExperiment(database, context(request), input.experiment_id, input.new_name),
  });
  mlflowRoute(app, {
    method: 'POST',
    path: 'experiments/delete',
    access: 'tracking:write',
    request: messages.experimentRef,
    handler: async (input, request) => deleteExperiment(database, context(request), input.experiment_id),
  });
  mlflowRoute(app, {
    method: 'POST',
    path: 'experiments/restore',
    access: 'tracking:write',
    request: messages.experimentRef,
    handler: async (input, request) => restoreExperiment(database, context(request), input.experiment_id),
  });
  // The npm `mlflow` client (2.0.7) posts to `experimentsset-experiment-tag` (a missing '/'): serve it too.
  for (const path of ['experiments/set-experiment-tag', 'experimentsset-experiment-tag']) {
    mlflowRoute(app, {
      method: 'POST',
      path,
      access: 'tracking:write',
      request: messages.setExperimentTag,
      handler: async (input, request) => setExperimentTag(database, context(request), input.experiment_id, { key: input.key, value: input.value }),
    });
  }
  mlflowRoute(app, {
    method: 'POST',
    path: 'experiments/delete-experiment-tag',
    access: 'tracking:write',
    request: messages.deleteExperimentTag,
    handler: async (input, request) => deleteExperimentTag(database, context(request), input.experiment_id, input.key),
  });

  // Removed from MLflow in 2.0 but still called by the npm `mlflow` client: experiments in id order, paged.
  mlflowRoute(app, {
    method: 'GET',
    path: 'experiments/list',
    access: 'tracking:read',
    request: messages.listExperiments,
    handler: async (input) => {
      const stages = lifecycleStagesFor(input.view_type);
      const limit = maxResults(input.max_results, { default: 1000, max: 50_000 });
      const offset = decodePageToken(input.page_token, { list: 'experiments', stages });
      const ids = await listExperimentIds(database.db, stages, offset, limit + 1);
      const page = ids.slice(0, limit);
      return {
        experiments: await loadExperiments(database.db, page),
        next_page_token: ids.length > limit ? encodePageToken(offset + limit, { list: 'experiments', stages }) : undefined,
      };
    },
  });
}
