import type { FastifyInstance } from 'fastify';
import { createExperiment, deleteExperiment, restoreExperiment, updateExperiment } from '../../../shared/contract/experiments';
import { contractRoute } from '../../http/contract-route';
import { notFound } from '../../errors';
import { principalOf } from '../auth/auth.routes';
import { auditContextFor } from '../auth/principal';
import * as experiments from '../tracking/experiments.service';
import { descriptionTag, findExperimentView } from './experiments-view.repository';

/**
 * The experiments page's writes as native routes over the tracking module's experiment service,
 * the one that also serves MLflow clients (same validation, same audit events). The description
 * is MLflow's `mlflow.note.content` tag.
 */
export async function experimentsWriteRoutes(app: FastifyInstance) {
  const { database } = app.deps;
  const view = async (experimentId: string) => {
    const experiment = await findExperimentView(database.db, Number(experimentId));
    if (!experiment) throw notFound(`No experiment with id ${experimentId}`);
    return experiment;
  };

  contractRoute(app, createExperiment, 'tracking:write', async ({ body }, request) => {
    const tags = body.description ? [{ key: descriptionTag, value: body.description }] : [];
    return view(await experiments.createExperiment(database, auditContextFor(principalOf(request), request), { name: body.name, tags }));
  });

  contractRoute(app, updateExperiment, 'tracking:write', async ({ params, body }, request) => {
    const context = auditContextFor(principalOf(request), request);
    const id = params.experimentId;
    if (body.name !== undefined) await experiments.renameExperiment(database, context, id, body.name);
    if (body.description !== undefined) await experiments.setExperimentTag(database, context, id, { key: descriptionTag, value: body.description });
    for (const tag of body.setTags ?? []) await experiments.setExperimentTag(database, context, id, tag);
    for (const key of body.deleteTags ?? []) await experiments.deleteExperimentTag(database, context, id, key);
    return view(id);
  });

  contractRoute(app, deleteExperiment, 'tracking:write', async ({ params }, request) => {
    await experiments.deleteExperiment(database, auditContextFor(principalOf(request), request), params.experimentId);
    return {};
  });

  contractRoute(app, restoreExperiment, 'tracking:write', async ({ params }, request) => {
    await experiments.restoreExperiment(database, auditContextFor(principalOf(request), request), params.experimentId);
    return view(params.experimentId);
  });
}
