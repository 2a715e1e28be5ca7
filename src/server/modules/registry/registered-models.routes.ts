import type { FastifyInstance, FastifyRequest } from 'fastify';
import { mlflowRoute } from '../../mlflow/mlflow-route';
import { auditContextFor } from '../auth/principal';
import { deleteModelAlias, getModelVersionForAlias, setModelAlias } from './model-aliases.service';
import { latestVersionPerStage } from './model-versions.repository';
import { getLatestVersions } from './model-versions.service';
import {
  createRegisteredModel,
  deleteRegisteredModel,
  deleteRegisteredModelTag,
  renameRegisteredModel,
  requireRegisteredModel,
  setRegisteredModelTag,
  updateRegisteredModel,
} from './registered-models.service';
import { modelVersionJson, registeredModelJson } from './registry-json';
import * as messages from './registry-messages';
import type { RegisteredModel } from './registry-types';

/** `registered-models/*` of MLflow's model registry service. */
export function registeredModelRoutes(app: FastifyInstance) {
  const { database } = app.deps;
  const context = (request: FastifyRequest) => auditContextFor(request.principal, request);
  const withLatest = async (model: RegisteredModel) => ({
    registered_model: registeredModelJson(model, await latestVersionPerStage(database.db, [model.name])),
  });

  mlflowRoute(app, {
    method: 'POST',
    path: 'registered-models/create',
    access: 'registry:write',
    request: messages.createRegisteredModel,
    handler: async (input, request) =>
      withLatest(await createRegisteredModel(database, context(request), { name: input.name, tags: input.tags ?? [], description: input.description })),
  });
  mlflowRoute(app, {
    method: 'GET',
    path: 'registered-models/get',
    access: 'registry:read',
    request: messages.nameOnly,
    handler: async (input) => withLatest(await requireRegisteredModel(database, input.name)),
  });
  mlflowRoute(app, {
    method: 'POST',
    path: 'registered-models/rename',
    access: 'registry:write',
    request: messages.renameRegisteredModel,
    handler: async (input, request) => withLatest(await renameRegisteredModel(database, context(request), input.name, input.new_name)),
  });
  mlflowRoute(app, {
    method: 'PATCH',
    path: 'registered-models/update',
    access: 'registry:write',
    request: messages.updateRegisteredModel,
    handler: async (input, request) => withLatest(await updateRegisteredModel(database, context(request), input.name, input.description)),
  });
  mlflowRoute(app, {
    method: 'DELETE',
    path: 'registered-models/delete',
    access: 'registry:write',
    request: messages.nameOnly,
    handler: async (input, request) => deleteRegisteredModel(database, context(request), input.name),
  });
  mlflowRoute(app, {
    method: 'POST',
    path: 'registered-models/set-tag',
    access: 'registry:write',
    request: messages.setRegisteredModelTag,
    handler: async (input, request) => setRegisteredModelTag(database, context(request), input.name, { key: input.key, value: input.value }),
  });
  mlflowRoute(app, {
    method: 'DELETE',
    path: 'registered-models/delete-tag',
    access: 'registry:write',
    request: messages.deleteRegisteredModelTag,
    handler: async (input, request) => deleteRegisteredModelTag(database, context(request), input.name, input.key),
  });
  mlflowRoute(app, {
    method: 'POST',
    path: 'registered-models/alias',
    access: 'registry:write',
    request: messages.setAlias,
    handler: async (input, request) => setModelAlias(database, context(request), input.name, input.alias, input.version),
  });
  mlflowRoute(app, {
    method: 'DELETE',
    path: 'registered-models/alias',
    access: 'registry:write',
    request: messages.aliasRef,
    handler: async (input, request) => deleteModelAlias(database, context(request), input.name, input.alias),
  });
  mlflowRoute(app, {
    method: 'GET',
    path: 'registered-models/alias',
    access: 'registry:read',
    request: messages.aliasRef,
    handler: async (input) => ({ model_version: modelVersionJson(await getModelVersionForAlias(database, input.name, input.alias)) }),
  });
  mlflowRoute(app, {
    method: ['POST', 'GET'],
    path: 'registered-models/get-latest-versions',
    access: 'registry:read',
    request: messages.getLatestVersions,
    handler: async (input) => ({ model_versions: (await getLatestVersions(database, input.name, input.stages ?? [])).map(modelVersionJson) }),
  });
}
