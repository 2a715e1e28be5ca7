import type { FastifyInstance } from 'fastify';
import { getExperiment, getExperimentKeys, listExperiments } from '../../../shared/contract/experiments';
import { getMetricHistories, maxHistoryMetrics } from '../../../shared/contract/metric-history';
import { Readable } from 'node:stream';
import { exportRunsPath, getRunDetail, groupRuns, runsExportQuerySchema, runsQuerySchema, searchRunsPage } from '../../../shared/contract/runs';
import { contractRoute } from '../../http/contract-route';
import { invalidParameter, notFound } from '../../errors';
import { countRuns } from '../tracking/run-search.service';
import { experimentKeys } from './experiment-keys.repository';
import { findExperimentView, listExperimentsView } from './experiments-view.repository';
import { loggedMetricKeys, metricHistories } from './metric-histories.repository';
import { loadRunDetail } from './run-detail.repository';
import { groupRunsView } from './run-groups.service';
import { exportRunsCsv } from './runs-export';
import { runsPage, searchInputOf, withFilterErrors } from './runs-page.service';

/** The dashboard's read API over tracking data (/api/v1): experiments, run pages, histories. */
export async function runsViewRoutes(app: FastifyInstance) {
  const { database } = app.deps;
  const { db } = database;

  contractRoute(app, searchRunsPage, 'tracking:read', ({ body }) => runsPage(database, body));
  contractRoute(app, groupRuns, 'tracking:read', ({ body }) => groupRunsView(database, body));

  app.route({
    method: 'GET',
    url: exportRunsPath,
    config: { access: 'tracking:read' },
    schema: { summary: 'The runs view as CSV, streamed', tags: ['runs'], querystring: runsExportQuerySchema },
    handler: async (request, reply) => {
      const { query: text } = request.query as { query: string };
      const parsed = runsQuerySchema.safeParse(safeJson(text));
      if (!parsed.success) throw invalidParameter(`Invalid runs query: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
      // Validate the filter before the first byte, so a bad one is a 400 and not a cut-off file.
      await withFilterErrors(parsed.data, () => countRuns(database, searchInputOf(parsed.data)));
      const stamp = new Date().toISOString().replace(/[:.]/g, '-');
      reply.type('text/csv; charset=utf-8').header('content-disposition', `attachment; filename="runs-${stamp}.csv"`).header('cache-control', 'no-store');
      return reply.send(Readable.from(exportRunsCsv(database, parsed.data), { objectMode: false }));
    },
  });

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

  contractRoute(app, getMetricHistories, 'tracking:read', async ({ body }) => {
    const runIds = [...new Set(body.runIds)];
    const metrics = body.metrics ? [...new Set(body.metrics)] : await loggedMetricKeys(db, runIds, maxHistoryMetrics);
    return { series: metrics.length === 0 ? [] : await metricHistories(db, { ...body, runIds, metrics }) };
  });
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
