import type { FastifyInstance, FastifyRequest } from 'fastify';
import { ApiError, invalidParameter } from '../../errors';
import { mlflowRoute } from '../../mlflow/mlflow-route';
import { sendArtifact } from '../artifacts/artifact-download';
import { listArtifactsUnder } from '../artifacts/artifact-listing';
import { canonicalArtifactPath, joinArtifactPath } from '../artifacts/artifact-path';
import { artifactPathFromUri, isArtifactUri } from '../artifacts/artifact-uri';
import { auditContextFor } from '../auth/principal';
import type { LoggedModel } from './logged-model-types';
import { searchLoggedModels } from './logged-model-search.service';
import { loggedModelJson } from './logged-models-json';
import * as messages from './logged-models-messages';
import {
  createLoggedModel,
  deleteLoggedModel,
  deleteLoggedModelTag,
  finalizeLoggedModel,
  logLoggedModelParams,
  requireLoggedModel,
  setLoggedModelTags,
} from './logged-models.service';

/** The store directory of a logged model's artifacts. */
function artifactRoot(model: LoggedModel): string {
  if (!isArtifactUri(model.artifactLocation)) throw invalidParameter(`The artifacts of logged model ${model.modelId} are stored outside Sextant`);
  return artifactPathFromUri(model.artifactLocation, { allowAuthority: true });
}

/** Logged models (section 1c of the MLflow reference), under /api and /ajax-api. */
export async function loggedModelsRoutes(app: FastifyInstance) {
  const { database } = app.deps;
  const context = (request: FastifyRequest) => auditContextFor(request.principal, request);
  const json = (model: LoggedModel) => ({ model: loggedModelJson(model) });

  mlflowRoute(app, {
    method: 'POST',
    path: 'logged-models',
    access: 'tracking:write',
    request: messages.createModel,
    handler: async (input, request) =>
      json(
        await createLoggedModel(database, context(request), {
          experimentId: input.experiment_id,
          name: input.name || undefined,
          modelType: input.model_type,
          sourceRunId: input.source_run_id || undefined,
          params: input.params ?? [],
          tags: input.tags ?? [],
        }),
      ),
  });
  mlflowRoute(app, {
    method: 'POST',
    path: 'logged-models/search',
    access: 'tracking:read',
    request: messages.searchModels,
    handler: async (input) => {
      const page = await searchLoggedModels(database, input);
      return { models: page.models.map(loggedModelJson), next_page_token: page.nextPageToken };
    },
  });
  mlflowRoute(app, {
    method: 'GET',
    path: 'logged-models/:model_id',
    access: 'tracking:read',
    request: messages.getModel,
    handler: async (input) => json(await requireLoggedModel(database, input.model_id, { allowDeleted: input.allow_deleted })),
  });
  mlflowRoute(app, {
    method: 'PATCH',
    path: 'logged-models/:model_id',
    access: 'tracking:write',
    request: messages.finalizeModel,
    handler: async (input, request) => json(await finalizeLoggedModel(database, context(request), input.model_id, input.status)),
  });
  mlflowRoute(app, {
    method: 'DELETE',
    path: 'logged-models/:model_id',
    access: 'tracking:write',
    request: messages.modelRef,
    handler: async (input, request) => deleteLoggedModel(database, context(request), input.model_id),
  });
  mlflowRoute(app, {
    method: 'PATCH',
    path: 'logged-models/:model_id/tags',
    access: 'tracking:write',
    request: messages.setTags,
    handler: async (input, request) => setLoggedModelTags(database, context(request), input.model_id, input.tags ?? []),
  });
  mlflowRoute(app, {
    method: 'DELETE',
    path: 'logged-models/:model_id/tags/*',
    access: 'tracking:write',
    request: messages.deleteTag,
    handler: async (input, request) => deleteLoggedModelTag(database, context(request), input.model_id, input['*']),
  });
  mlflowRoute(app, {
    method: 'POST',
    path: 'logged-models/:model_id/params',
    access: 'tracking:write',
    request: messages.logParams,
    handler: async (input, request) => logLoggedModelParams(database, context(request), input.model_id, input.params ?? []),
  });
  mlflowRoute(app, {
    method: 'GET',
    path: 'logged-models/:model_id/artifacts/directories',
    access: 'artifacts:read',
    request: messages.listDirectories,
    handler: async (input) => {
      const model = await requireLoggedModel(database, input.model_id);
      const page = await listArtifactsUnder(app.deps.artifactStore, artifactRoot(model), input.artifact_directory_path ?? '', input.page_token);
      return { root_uri: model.artifactLocation, files: page.files, next_page_token: page.nextPageToken };
    },
  });

  for (const prefix of ['/api', '/ajax-api']) {
    app.get(`${prefix}/2.0/mlflow/logged-models/:model_id/artifacts/files`, { config: { access: 'artifacts:read' } }, async (request, reply) => {
      const { model_id: modelId } = request.params as { model_id: string };
      const file = (request.query as Record<string, unknown>).artifact_file_path;
      if (typeof file !== 'string' || file === '') throw new ApiError('BAD_REQUEST', 'Request must include the "artifact_file_path" query parameter.');
      const model = await requireLoggedModel(database, modelId);
      return sendArtifact(reply, app.deps.artifactStore, joinArtifactPath(artifactRoot(model), canonicalArtifactPath(file)));
    });
  }
}
