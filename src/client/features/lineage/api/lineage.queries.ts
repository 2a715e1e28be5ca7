import { queryOptions } from '@tanstack/react-query';
import { getDataset, getLineage, type LineageDirection } from '../../../../shared/contract/lineage';
import { callApi } from '../../../lib/api-client';

export interface LineageRoot {
  kind: 'model' | 'model-version' | 'run' | 'dataset';
  id: string;
  version?: number | undefined;
}

export const lineageQueries = {
  all: () => ['lineage'] as const,
  graph: (root: LineageRoot, options: { depth?: number; direction?: LineageDirection; versions?: number } = {}) =>
    queryOptions({
      queryKey: [...lineageQueries.all(), 'graph', root, options] as const,
      queryFn: ({ signal }) => callApi(getLineage, { query: { ...root, ...options } }, { signal }),
    }),
  dataset: (digest: string) =>
    queryOptions({
      queryKey: [...lineageQueries.all(), 'dataset', digest] as const,
      queryFn: ({ signal }) => callApi(getDataset, { params: { digest } }, { signal }),
    }),
};
