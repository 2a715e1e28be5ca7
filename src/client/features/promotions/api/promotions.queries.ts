import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import { listEnvironments } from '../../../../shared/contract/deployments';
import { listPolicies } from '../../../../shared/contract/promotion-policies';
import { getRequest, listCandidates, listRequests, type ListRequestsQuery, previewGates } from '../../../../shared/contract/promotions';
import { callApi } from '../../../lib/api-client';

export interface PreviewInput {
  modelName: string;
  environment: string;
  version: number;
}

export const promotionsQueries = {
  all: () => ['promotions'] as const,
  lists: () => [...promotionsQueries.all(), 'list'] as const,
  list: (filters: ListRequestsQuery) =>
    queryOptions({
      queryKey: [...promotionsQueries.lists(), filters] as const,
      queryFn: ({ signal }) => callApi(listRequests, { query: filters }, { signal }),
      placeholderData: keepPreviousData,
    }),
  details: () => [...promotionsQueries.all(), 'detail'] as const,
  detail: (requestId: string) =>
    queryOptions({
      queryKey: [...promotionsQueries.details(), requestId] as const,
      queryFn: ({ signal }) => callApi(getRequest, { params: { requestId } }, { signal }),
    }),
  /** Gates run as the user fills the Promote dialog; nothing is stored. */
  preview: (input: PreviewInput) =>
    queryOptions({
      queryKey: [...promotionsQueries.all(), 'preview', input] as const,
      queryFn: ({ signal }) => callApi(previewGates, { body: input }, { signal }),
      staleTime: 0,
    }),
  candidates: (model?: string) =>
    queryOptions({
      queryKey: [...promotionsQueries.all(), 'candidates', model ?? null] as const,
      queryFn: ({ signal }) => callApi(listCandidates, { query: { model } }, { signal }),
    }),
  /** The environments a request can target (the Promote dialog fetches them itself, to be embeddable anywhere). */
  environments: () =>
    queryOptions({
      queryKey: [...promotionsQueries.all(), 'environments'] as const,
      queryFn: ({ signal }) => callApi(listEnvironments, {}, { signal }),
    }),
  policies: () =>
    queryOptions({
      queryKey: [...promotionsQueries.all(), 'policies'] as const,
      queryFn: ({ signal }) => callApi(listPolicies, {}, { signal }),
    }),
};
