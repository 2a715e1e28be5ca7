import { queryOptions } from '@tanstack/react-query';
import { getDeployment, getKserveManifest, listDeployments, listEnvironments } from '../../../../shared/contract/deployments';
import { callApi } from '../../../lib/api-client';

export interface DeploymentFilters {
  model?: string | undefined;
  environment?: string | undefined;
}

export const deploymentsQueries = {
  all: () => ['deployments'] as const,
  lists: () => [...deploymentsQueries.all(), 'list'] as const,
  list: (filters: DeploymentFilters = {}) =>
    queryOptions({
      queryKey: [...deploymentsQueries.lists(), filters] as const,
      queryFn: ({ signal }) => callApi(listDeployments, { query: filters }, { signal }),
    }),
  detail: (deploymentId: string) =>
    queryOptions({
      queryKey: [...deploymentsQueries.all(), 'detail', deploymentId] as const,
      queryFn: ({ signal }) => callApi(getDeployment, { params: { deploymentId } }, { signal }),
    }),
  manifest: (model: string, environment: string) =>
    queryOptions({
      queryKey: [...deploymentsQueries.all(), 'manifest', model, environment] as const,
      queryFn: ({ signal }) => callApi(getKserveManifest, { params: { model, environment } }, { signal }),
    }),
  environments: () =>
    queryOptions({
      queryKey: [...deploymentsQueries.all(), 'environments'] as const,
      queryFn: ({ signal }) => callApi(listEnvironments, {}, { signal }),
    }),
};
