import type { FastifyInstance } from 'fastify';
import { getExperiment, getExperimentKeys, listExperiments } from '../../../shared/contract/experiments';
import { getMetricHistories } from '../../../shared/contract/metric-history';
import { getRunDetail } from '../../../shared/contract/runs';
import { contractRoute } from '../../http/contract-route';
import { notFound } from '../../errors';
import { experimentKeys } from './experiment-keys.repository';
import { findExperimentView, listExperimentsView } from './experiments-view.repository';
import { metricHistories } from './metric-histories.repository';
import { loadRunDetail } from './run-detail.repository';

/** The dashboard's read API over tracking data (/api/v1): experiments, run pages, histories. */
export async function runsViewRoutes(app: FastifyInstance) {
  const { db } = app.deps.database;

  contractRoute(app, listExperiments, 'tracking:read', async ({ query }) => {
    const offset = Number(query.cursor ?? 0);
    const page = await listExperimentsView(db, { q: query.q, view: query.view, offset, limit: query.limit });
    return { items: page.items, nextCursor: page.more ? String(offset + query.limit) : null };
  });

  contractRoute(app, getExperiment, 'tracking:read', async ({ params }) => {
    const experiment = await findExperimentView(db, Number(params.experimentId));
    if (!experiment) throw notFound(`No experiment with id ${params.experimentId}`);
    return experiment;
  });

  contractRoute(app, getExperimentKeys, 'tracking:read', async ({ params }) => {
    if (!(await findExperimentView(db, Number(params.experimentId)))) throw notFound(`No experiment with id ${params.experimentId}`);
    return experimentKeys(db, Number(params.experimentId));
  });

  contractRoute(app, getRunDetail, 'tracking:read', async ({ params }) => {
    const detail = await loadRunDetail(db, params.runId);
    if (!detail) throw notFound(`No run with id ${params.runId}`);
    return detail;
  });

  contractRoute(app, getMetricHistories, 'tracking:read', async ({ body }) => ({
    series: await metricHistories(db, { ...body, runIds: [...new Set(body.runIds)], metrics: [...new Set(body.metrics)] }),
  }));
}
