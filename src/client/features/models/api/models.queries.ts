import { infiniteQueryOptions, queryOptions } from '@tanstack/react-query';
import { compareVersions, getModel, getModelVersionDetail, getVersionMonitoring, listModels, listModelVersions, type ModelSort } from '../../../../shared/contract/models';
import { callApi } from '../../../lib/api-client';

export interface ModelFilters {
  q?: string | undefined;
  tag?: string | undefined;
  sort?: ModelSort | undefined;
}

export const modelsQueries = {
  all: () => ['models'] as const,
  lists: () => [...modelsQueries.all(), 'list'] as const,
  list: (filters: ModelFilters) =>
    infiniteQueryOptions({
      queryKey: [...modelsQueries.lists(), filters] as const,
      queryFn: ({ pageParam, signal }) => callApi(listModels, { query: { ...filters, cursor: pageParam, limit: 25 } }, { signal }),
      initialPageParam: undefined as string | undefined,
      getNextPageParam: (page) => page.nextCursor ?? undefined,
    }),
  detail: (name: string) =>
    queryOptions({
      queryKey: [...modelsQueries.all(), 'detail', name] as const,
      queryFn: ({ signal }) => callApi(getModel, { params: { name } }, { signal }),
    }),
  versions: (name: string) =>
    infiniteQueryOptions({
      queryKey: [...modelsQueries.all(), 'versions', name] as const,
      queryFn: ({ pageParam, signal }) => callApi(listModelVersions, { params: { name }, query: { cursor: pageParam, limit: 50 } }, { signal }),
      initialPageParam: undefined as string | undefined,
      getNextPageParam: (page) => page.nextCursor ?? undefined,
    }),
  version: (name: string, version: number) =>
    queryOptions({
      queryKey: [...modelsQueries.all(), 'version', name, version] as const,
      queryFn: ({ signal }) => callApi(getModelVersionDetail, { params: { name, version } }, { signal }),
    }),
  monitoring: (name: string, version: number) =>
    queryOptions({
      queryKey: [...modelsQueries.all(), 'monitoring', name, version] as const,
      queryFn: ({ signal }) => callApi(getVersionMonitoring, { params: { name, version } }, { signal }),
    }),
  compare: (name: string, a: number, b: number) =>
    queryOptions({
      queryKey: [...modelsQueries.all(), 'compare', name, a, b] as const,
      queryFn: ({ signal }) => callApi(compareVersions, { params: { name }, query: { a, b } }, { signal }),
    }),
};
