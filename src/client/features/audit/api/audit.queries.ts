import { infiniteQueryOptions, queryOptions } from '@tanstack/react-query';
import { type AuditFilterInput, getAuditAsOf, getChainStatus, getEntityHistory, listAuditEvents } from '../../../../shared/contract/audit';
import { callApi } from '../../../lib/api-client';

export interface EntityRef {
  type: string;
  id: string;
  /** For a registered model: also its versions, aliases and deployments. */
  related?: boolean;
}

export const auditQueries = {
  all: () => ['audit'] as const,
  events: (filters: AuditFilterInput) =>
    infiniteQueryOptions({
      queryKey: [...auditQueries.all(), 'events', filters] as const,
      queryFn: ({ pageParam, signal }) => callApi(listAuditEvents, { query: { ...filters, cursor: pageParam, limit: 50 } }, { signal }),
      initialPageParam: undefined as string | undefined,
      getNextPageParam: (page) => page.nextCursor ?? undefined,
    }),
  entity: (entity: EntityRef) =>
    infiniteQueryOptions({
      queryKey: [...auditQueries.all(), 'entity', entity] as const,
      queryFn: ({ pageParam, signal }) =>
        callApi(
          getEntityHistory,
          { params: { entityType: entity.type, entityId: entity.id }, query: { cursor: pageParam, limit: 20, related: entity.related ? 'true' : undefined } },
          { signal },
        ),
      initialPageParam: undefined as string | undefined,
      getNextPageParam: (page) => page.nextCursor ?? undefined,
    }),
  asOf: (at: string, types?: string) =>
    queryOptions({
      queryKey: [...auditQueries.all(), 'as-of', at, types] as const,
      queryFn: ({ signal }) => callApi(getAuditAsOf, { query: { at, types } }, { signal }),
    }),
  verification: (mode: 'full' | 'incremental') =>
    queryOptions({
      queryKey: [...auditQueries.all(), 'verification', mode] as const,
      queryFn: ({ signal }) => callApi(getChainStatus, { query: { mode } }, { signal }),
      staleTime: 0,
    }),
};
