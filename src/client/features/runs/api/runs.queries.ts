import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import { getExperiment, getExperimentKeys, listExperiments } from '../../../../shared/contract/experiments';
import { getMetricHistories, type XAxis } from '../../../../shared/contract/metric-history';
import { getRunDetail, groupRuns, type RunsQueryInput, searchRunsPage } from '../../../../shared/contract/runs';
import { callApi } from '../../../lib/api-client';

/**
 * Points per line of a metric chart. A chart is ~700 px wide: one line gets 1,000 points (500
 * min/max buckets, more than one per 2 px); lines sharing a chart split ~8,000 points (20 runs: 400
 * each, a bucket per ~3.5 px, spikes kept by min/max) — more only cost transfer and drawing time.
 */
export const pointsPerLine = (lines: number) => Math.max(200, Math.min(1000, Math.floor(8000 / Math.max(1, lines))));

/** Rows per request: small, so the page under a scrollbar jump arrives within a frame or two. */
export const pageSize = 50;

export const runsQueries = {
  all: () => ['runs'] as const,
  experiments: (q: string, view: 'active' | 'deleted' | 'all') =>
    queryOptions({
      queryKey: [...runsQueries.all(), 'experiments', q, view] as const,
      queryFn: ({ signal }) => callApi(listExperiments, { query: { q: q || undefined, view, limit: 500 } }, { signal }),
      placeholderData: keepPreviousData,
    }),
  experiment: (experimentId: string) =>
    queryOptions({
      queryKey: [...runsQueries.all(), 'experiment', experimentId] as const,
      queryFn: ({ signal }) => callApi(getExperiment, { params: { experimentId } }, { signal }),
    }),
  keys: (experimentId: string) =>
    queryOptions({
      queryKey: [...runsQueries.all(), 'keys', experimentId] as const,
      queryFn: ({ signal }) => callApi(getExperimentKeys, { params: { experimentId } }, { signal }),
      staleTime: 60_000,
    }),
  /**
   * Page `index` of the runs table (pages load in any order as the table scrolls). The first
   * page carries the total; a failed filter keeps the previous results on screen.
   */
  page: (query: RunsQueryInput, index: number) =>
    queryOptions({
      queryKey: [...runsQueries.all(), 'page', query, index] as const,
      queryFn: ({ signal }) =>
        callApi(searchRunsPage, { body: { ...query, cursor: index === 0 ? undefined : String(index * pageSize), limit: pageSize, withTotal: index === 0 } }, { signal }),
      placeholderData: index === 0 ? keepPreviousData : undefined,
      staleTime: 30_000,
    }),
  groups: (query: RunsQueryInput, groupBy: { entity: 'param' | 'tag' | 'dataset'; key: string }, metrics: string[]) =>
    queryOptions({
      queryKey: [...runsQueries.all(), 'groups', query, groupBy, metrics] as const,
      queryFn: ({ signal }) => callApi(groupRuns, { body: { ...query, groupBy, metrics } }, { signal }),
      placeholderData: keepPreviousData,
    }),
  run: (runId: string) =>
    queryOptions({
      queryKey: [...runsQueries.all(), 'run', runId] as const,
      queryFn: ({ signal }) => callApi(getRunDetail, { params: { runId } }, { signal }),
    }),
  /** Details of several runs (compare page). */
  runs: (runIds: readonly string[]) =>
    queryOptions({
      queryKey: [...runsQueries.all(), 'runs', runIds] as const,
      queryFn: ({ signal }) => Promise.all(runIds.map((runId) => callApi(getRunDetail, { params: { runId } }, { signal }))),
    }),
  /** Downsampled histories; without `metrics`, of the (first 20) metrics the runs logged. */
  histories: (runIds: readonly string[], metrics: readonly string[] | undefined, xAxis: XAxis) =>
    queryOptions({
      queryKey: [...runsQueries.all(), 'histories', runIds, metrics ?? 'logged', xAxis] as const,
      queryFn: ({ signal }) =>
        callApi(getMetricHistories, { body: { runIds: [...runIds], metrics: metrics && [...metrics], xAxis, maxPoints: pointsPerLine(runIds.length) } }, { signal }),
      enabled: runIds.length > 0 && metrics?.length !== 0,
      placeholderData: keepPreviousData,
    }),
};
