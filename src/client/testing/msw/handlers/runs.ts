import { delay, http, HttpResponse } from 'msw';
import { createExperiment, deleteExperiment, getExperiment, getExperimentKeys, listExperiments, restoreExperiment, updateExperiment, type Experiment, type ExperimentKeys } from '../../../../shared/contract/experiments';
import { getMetricHistories, type MetricSeries } from '../../../../shared/contract/metric-history';
import { getRunDetail, groupRuns, searchRunsPage, type RunDetail, type RunRow } from '../../../../shared/contract/runs';
import { buildKeys } from '../../runs-factories';
import { contractHandler, errorResponse } from '../contract-handler';

interface RunsMock {
  experiments?: Experiment[];
  keys?: ExperimentKeys;
  runs?: RunRow[];
  details?: RunDetail[];
  histories?: MetricSeries[];
  /** A filter the "server" refuses, with the offending token's span. */
  badFilter?: { text: string; message: string; start: number; end: number };
  /** Answers every runs page with a 500 (the error state). */
  failRuns?: boolean;
  /** Files per folder for the MLflow artifact listing, and file contents by path. */
  artifacts?: Record<string, Array<{ path: string; is_dir: boolean; file_size?: number }>>;
  files?: Record<string, string>;
}

let mock: Required<Omit<RunsMock, 'badFilter'>> & Pick<RunsMock, 'badFilter'>;
/** What the handlers received, for tests of requests the UI sends. */
export const runsRequests: { pages: unknown[]; created: unknown[]; updated: unknown[] } = { pages: [], created: [], updated: [] };

export function mockRuns(next: RunsMock = {}) {
  mock = { experiments: [], keys: buildKeys(), runs: [], details: [], histories: [], failRuns: false, artifacts: {}, files: {}, ...next };
  runsRequests.pages = [];
  runsRequests.created = [];
  runsRequests.updated = [];
}
mockRuns();

const notFound = (what: string) => errorResponse(404, 'RESOURCE_DOES_NOT_EXIST', `No ${what}`);

export const runsHandlers = [
  contractHandler(listExperiments, ({ url }) => {
    const q = (url.searchParams.get('q') ?? '').toLowerCase();
    const view = url.searchParams.get('view') ?? 'active';
    return { items: mock.experiments.filter((e) => e.name.toLowerCase().includes(q) && (view === 'all' || e.lifecycleStage === view)), nextCursor: null };
  }),
  contractHandler(getExperiment, ({ params }) => mock.experiments.find((e) => e.experimentId === params.experimentId) ?? notFound('experiment')),
  contractHandler(getExperimentKeys, () => mock.keys),
  contractHandler(createExperiment, ({ body }) => {
    runsRequests.created.push(body);
    const { name } = body as { name: string };
    const experiment = { ...mock.experiments[0]!, experimentId: '99', name, runCount: 0 };
    mock.experiments.push(experiment);
    return experiment;
  }),
  contractHandler(updateExperiment, ({ params, body }) => {
    runsRequests.updated.push(body);
    return mock.experiments.find((e) => e.experimentId === params.experimentId) ?? notFound('experiment');
  }),
  contractHandler(deleteExperiment, () => ({})),
  contractHandler(restoreExperiment, ({ params }) => mock.experiments.find((e) => e.experimentId === params.experimentId) ?? notFound('experiment')),
  contractHandler(searchRunsPage, async ({ body }) => {
    runsRequests.pages.push(body);
    await delay(20);
    if (mock.failRuns) return errorResponse(500, 'INTERNAL_ERROR', 'The database is unavailable');
    const { filter = '', cursor, limit = 200 } = body as { filter?: string; cursor?: string; limit?: number };
    if (mock.badFilter && filter.includes(mock.badFilter.text)) {
      const { message, start, end } = mock.badFilter;
      return errorResponse(400, 'INVALID_PARAMETER_VALUE', message, [{ path: 'body.filter', message, start, end }]);
    }
    const offset = Number(cursor ?? 0);
    const items = mock.runs.slice(offset, offset + limit);
    return { items, nextCursor: offset + limit < mock.runs.length ? String(offset + limit) : null, total: mock.runs.length };
  }),
  contractHandler(groupRuns, () => ({ groups: [], truncated: false, runsGrouped: 0, limited: false })),
  contractHandler(getRunDetail, ({ params }) => mock.details.find((d) => d.run.runId === params.runId) ?? notFound('run')),
  contractHandler(getMetricHistories, () => ({ series: mock.histories })),
  http.get('/api/2.0/mlflow/artifacts/list', ({ request }) => {
    const path = new URL(request.url).searchParams.get('path') ?? '';
    return HttpResponse.json({ root_uri: 'mlflow-artifacts:/1', files: mock.artifacts[path] ?? [] });
  }),
  http.get('/get-artifact', ({ request }) => {
    const path = new URL(request.url).searchParams.get('path') ?? '';
    const content = mock.files[path];
    return content === undefined ? HttpResponse.json({ error_code: 'RESOURCE_DOES_NOT_EXIST', message: 'No file' }, { status: 404 }) : new HttpResponse(content);
  }),
];
