import type { FastifyInstance, FastifyRequest } from 'fastify';
import {
  compareVersions,
  deleteModelAlias,
  deleteModelTag,
  deleteVersionTag,
  getModel,
  getModelVersionDetail,
  getVersionMonitoring,
  listModels,
  listModelVersions,
  setModelAlias,
  setModelTag,
  setVersionTag,
  updateModelDescription,
  updateVersionDescription,
} from '../../../shared/contract/models';
import { contractRoute } from '../../http/contract-route';
import { principalOf } from '../auth/auth.routes';
import { auditContextFor } from '../auth/principal';
import { deleteModelAlias as removeAlias, setModelAlias as pointAlias } from '../registry/model-aliases.service';
import { deleteModelVersionTag, setModelVersionTag, updateModelVersion } from '../registry/model-versions.service';
import { deleteRegisteredModelTag, setRegisteredModelTag, updateRegisteredModel } from '../registry/registered-models.service';
import { listModelSummaries, listVersionRows, modelSummary, versionDetail } from './models-view.service';
import { versionMonitoring } from './version-monitoring.service';

/**
 * The dashboard's registry API. Edits go through the registry's services, so they follow the
 * same rules and write the same audit events as MLflow clients' calls (owned aliases refused).
 */
export async function modelsViewRoutes(app: FastifyInstance) {
  const { database } = app.deps;
  const db = database.db;
  const context = (request: FastifyRequest) => auditContextFor(principalOf(request), request);

  contractRoute(app, listModels, 'registry:read', ({ query }) => listModelSummaries(db, query));
  contractRoute(app, getModel, 'registry:read', ({ params }) => modelSummary(db, params.name));
  contractRoute(app, listModelVersions, 'registry:read', ({ params, query }) => listVersionRows(db, params.name, query));
  contractRoute(app, getModelVersionDetail, 'registry:read', ({ params }) => versionDetail(db, params.name, params.version));
  contractRoute(app, getVersionMonitoring, 'monitoring:read', ({ params }) => versionMonitoring(db, params.name, params.version));
  contractRoute(app, compareVersions, 'registry:read', async ({ params, query }) => {
    const [a, b] = await Promise.all([versionDetail(db, params.name, query.a), versionDetail(db, params.name, query.b)]);
    return { a, b };
  });

  contractRoute(app, updateModelDescription, 'registry:write', async ({ params, body }, request) => {
    await updateRegisteredModel(database, context(request), params.name, body.description);
    return modelSummary(db, params.name);
  });
  contractRoute(app, setModelTag, 'registry:write', async ({ params, body }, request) => {
    await setRegisteredModelTag(database, context(request), params.name, { key: params.key, value: body.value });
    return {};
  });
  contractRoute(app, deleteModelTag, 'registry:write', async ({ params }, request) => {
    await deleteRegisteredModelTag(database, context(request), params.name, params.key);
    return {};
  });
  contractRoute(app, updateVersionDescription, 'registry:write', async ({ params, body }, request) => {
    await updateModelVersion(database, context(request), params.name, params.version, body.description);
    return versionDetail(db, params.name, params.version);
  });
  contractRoute(app, setVersionTag, 'registry:write', async ({ params, body }, request) => {
    await setModelVersionTag(database, context(request), params.name, params.version, { key: params.key, value: body.value });
    return {};
  });
  contractRoute(app, deleteVersionTag, 'registry:write', async ({ params }, request) => {
    await deleteModelVersionTag(database, context(request), params.name, params.version, params.key);
    return {};
  });
  contractRoute(app, setModelAlias, 'registry:write', async ({ params, body }, request) => {
    await pointAlias(database, context(request), params.name, params.alias, String(body.version));
    return {};
  });
  contractRoute(app, deleteModelAlias, 'registry:write', async ({ params }, request) => {
    await removeAlias(database, context(request), params.name, params.alias);
    return {};
  });
}
