import { queryOptions } from '@tanstack/react-query';
import type { QueryInputOf } from '../../../../shared/contract/common';
import {
  getCanaryComparison,
  getDrift,
  getFeatureDrift,
  getLatency,
  getMonitoringDeployment,
  getReference,
  listMonitoredDeployments,
} from '../../../../shared/contract/monitoring';
import { listAlertRules, listAlerts } from '../../../../shared/contract/monitoring-alerts';
import { getMonitoringAsOf } from '../../../../shared/contract/monitoring-as-of';
import { callApi } from '../../../lib/api-client';

/** Charts of recent data refresh on their own: new windows appear without a reload. */
export const liveRefetchMs = 30_000;

type RangeQuery = QueryInputOf<typeof getDrift>;

export const monitoringQueries = {
  all: () => ['monitoring'] as const,
  deployments: () =>
    queryOptions({
      queryKey: [...monitoringQueries.all(), 'deployments'] as const,
      queryFn: ({ signal }) => callApi(listMonitoredDeployments, {}, { signal }),
      refetchInterval: liveRefetchMs,
    }),
  deployment: (deploymentId: string) =>
    queryOptions({
      queryKey: [...monitoringQueries.all(), 'deployment', deploymentId] as const,
      queryFn: ({ signal }) => callApi(getMonitoringDeployment, { params: { deploymentId } }, { signal }),
    }),
  drift: (deploymentId: string, query: RangeQuery, live: boolean) =>
    queryOptions({
      queryKey: [...monitoringQueries.all(), 'drift', deploymentId, query] as const,
      queryFn: ({ signal }) => callApi(getDrift, { params: { deploymentId }, query }, { signal }),
      refetchInterval: live ? liveRefetchMs : false,
      placeholderData: (previous) => previous,
    }),
  featureDrift: (deploymentId: string, feature: string, query: Omit<RangeQuery, 'resolution'>) =>
    queryOptions({
      queryKey: [...monitoringQueries.all(), 'drift', deploymentId, feature, query] as const,
      queryFn: ({ signal }) => callApi(getFeatureDrift, { params: { deploymentId, feature }, query }, { signal }),
    }),
  latency: (deploymentId: string, query: RangeQuery, live: boolean) =>
    queryOptions({
      queryKey: [...monitoringQueries.all(), 'latency', deploymentId, query] as const,
      queryFn: ({ signal }) => callApi(getLatency, { params: { deploymentId }, query }, { signal }),
      refetchInterval: live ? liveRefetchMs : false,
      placeholderData: (previous) => previous,
    }),
  canary: (deploymentId: string, query: { from?: string; to?: string }, live: boolean) =>
    queryOptions({
      queryKey: [...monitoringQueries.all(), 'canary', deploymentId, query] as const,
      queryFn: ({ signal }) => callApi(getCanaryComparison, { params: { deploymentId }, query }, { signal }),
      refetchInterval: live ? liveRefetchMs : false,
    }),
  reference: (modelName: string, version: string) =>
    queryOptions({
      queryKey: [...monitoringQueries.all(), 'reference', modelName, version] as const,
      queryFn: ({ signal }) => callApi(getReference, { params: { modelName, version } }, { signal }),
    }),
  alerts: (filter: QueryInputOf<typeof listAlerts>) =>
    queryOptions({
      queryKey: [...monitoringQueries.all(), 'alerts', filter] as const,
      queryFn: ({ signal }) => callApi(listAlerts, { query: filter }, { signal }),
      refetchInterval: liveRefetchMs,
    }),
  /** What monitoring said at a past moment (the audit "as of" page); the past does not change. */
  asOf: (at: string) =>
    queryOptions({
      queryKey: [...monitoringQueries.all(), 'as-of', at] as const,
      queryFn: ({ signal }) => callApi(getMonitoringAsOf, { query: { at } }, { signal }),
    }),
  alertRules: () =>
    queryOptions({
      queryKey: [...monitoringQueries.all(), 'alert-rules'] as const,
      queryFn: ({ signal }) => callApi(listAlertRules, {}, { signal }),
    }),
};
