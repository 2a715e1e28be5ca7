import { queryOptions } from '@tanstack/react-query';
import { listUsers } from '../../../../shared/contract/users';
import { callApi } from '../../../lib/api-client';

export const usersQueries = {
  all: () => ['users'] as const,
  list: () =>
    queryOptions({
      queryKey: [...usersQueries.all(), 'list'] as const,
      queryFn: ({ signal }) => callApi(listUsers, {}, { signal }),
    }),
};
