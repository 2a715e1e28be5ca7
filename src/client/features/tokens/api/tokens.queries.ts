import { queryOptions } from '@tanstack/react-query';
import { listMyTokens } from '../../../../shared/contract/users';
import { callApi } from '../../../lib/api-client';

export const tokensQueries = {
  all: () => ['tokens'] as const,
  mine: () =>
    queryOptions({
      queryKey: [...tokensQueries.all(), 'mine'] as const,
      queryFn: ({ signal }) => callApi(listMyTokens, {}, { signal }),
    }),
};
