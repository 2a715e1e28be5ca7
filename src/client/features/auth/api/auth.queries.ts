import { queryOptions } from '@tanstack/react-query';
import { getMe } from '../../../../shared/contract/auth';
import { callApi, setCsrfToken } from '../../../lib/api-client';

export const authQueries = {
  all: () => ['auth'] as const,
  me: () =>
    queryOptions({
      queryKey: [...authQueries.all(), 'me'] as const,
      queryFn: async ({ signal }) => {
        const session = await callApi(getMe, {}, { signal });
        setCsrfToken(session.csrfToken);
        return session;
      },
      staleTime: 5 * 60_000,
    }),
};
