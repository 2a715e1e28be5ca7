import type { FastifyInstance, FastifyRequest } from 'fastify';
import { invalidParameter } from '../../errors';
import { mlflowRoute } from '../../mlflow/mlflow-route';
import { sendArtifact } from '../artifacts/artifact-download';
import { canonicalArtifactPath, joinArtifactPath } from '../artifacts/artifact-path';
import { artifactPathFromUri } from '../artifacts/artifact-uri';
import { auditContextFor } from '../auth/principal';
import {
  createModelVersion,
  deleteModelVersion,
  deleteModelVersionTag,
  requireModelVersion,
  setModelVersionTag,
  transitionModelVersionStage,
  updateModelVersion,
} from './model-versions.service';
import { modelVersionJson } from './registry-json';
import * as messages from './registry-messages';
import { parseVersion } from './registry-validation';

/** `model-versions/*` of MLflow's model registry service, and the UI's version artifact download. */
export function modelVersionRoutes(app: FastifyInstance) {
  const { database } = app.deps;
  const context = (request: FastifyRequest) => auditContextFor(request.principal, request);
  const json = (version: Parameters<typeof modelVersionJson>[0]) => ({ model_version: modelVersionJson(version) });

  mlflowRoute(app, {
    method: 'POST',
    path: 'model-versions/create',
    access: 'registry:write',
    request: messages.createModelVersion,
    handler: async (input, request) =>
      json(
        await createModelVersion({ database, store: app.deps.artifactStore }, context(request), {
          name: input.name,
          source: input.source,
          runId: input.run_id || undefined,
          runLink: input.run_link,
          description: input.description,
          modelId: input.model_id || undefined,
          tags: input.tags ?? [],
        }),
      ),
  });
  mlflowRoute(app, {
    method: 'GET',
    path: 'model-versions/get',
    access: 'registry:read',
    request: messages.versionRef,
    handler: async (input) => json(await requireModelVersion(database, input.name, parseVersion(input.version))),
  });
  mlflowRoute(app, {
    method: 'PATCH',
    path: 'model-versions/update',
    access: 'registry:write',
    request: messages.updateModelVersion,
    handler: async (input, request) => json(await updateModelVersion(database, context(request), input.name, parseVersion(input.version), input.description)),
  });
  mlflowRoute(app, {
    method: 'DELETE',
    path: 'model-versions/delete',
    access: 'registry:write',
    request: messages.versionRef,
    handler: async (input, request) => deleteModelVersion(database, context(request), input.name, parseVersion(input.version)),
  });
  mlflowRoute(app, {
    method: 'POST',
    path: 'model-versions/set-tag',
    access: 'registry:write',
    request: messages.setModelVersionTag,
    handler: async (input, request) => setModelVersionTag(database, context(request), input.name, parseVersion(input.version), { key: input.key, value: input.value }),
  });
  mlflowRoute(app, {
    method: 'DELETE',
    path: 'model-versions/delete-tag',
    access: 'registry:write',
    request: messages.deleteModelVersionTag,
    handler: async (input, request) => deleteModelVersionTag(database, context(request), input.name, parseVersion(input.version), input.key),
  });
  mlflowRoute(app, {
    method: 'POST',
    path: 'model-versions/transition-stage',
    access: 'registry:write',
    request: messages.transitionStage,
    handler: async (input, request) =>
      json(await transitionModelVersionStage(database, context(request), input.name, parseVersion(input.version), input.stage, input.archive_existing_versions ?? false)),
  });
  mlflowRoute(app, {
    method: 'GET',
    path: 'model-versions/get-download-uri',
    access: 'registry:read',
    request: messages.versionRef,
    handler: async (input) => ({ artifact_uri: (await requireModelVersion(database, input.name, parseVersion(input.version))).storageLocation }),
  });

  app.get('/model-versions/get-artifact', { config: { access: 'artifacts:read' }, schema: { hide: true } }, async (request, reply) => {
    const query = request.query as Record<string, unknown>;
    const field = (name: string) => {
      const value = query[name];
      if (typeof value !== 'string') throw invalidParameter(`Missing value for required parameter '${name}'.`);
      return value;
    };
    const version = await requireModelVersion(database, field('name'), parseVersion(field('version')));
    const path = joinArtifactPath(artifactPathFromUri(version.storageLocation, { allowAuthority: true }), canonicalArtifactPath(field('path')));
    return sendArtifact(reply, app.deps.artifactStore, path);
  });
}
