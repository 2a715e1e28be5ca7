import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { showToast } from '../components/ui/toaster';
import { ApiError } from './api-client';

declare module '@tanstack/react-query' {
  interface Register {
    defaultError: Error;
    /** `inlineErrors`: the component shows the error itself (a form), so no toast. */
    mutationMeta: { inlineErrors?: boolean };
  }
}

/**
 * One client for the app. A 401 anywhere sends the user to sign-in (keeping where they were);
 * mutation errors not shown inline become a toast.
 */
export function createQueryClient(options: { onUnauthorized: () => void }): QueryClient {
  const handleUnauthorized = (error: Error) => {
    if (error instanceof ApiError && error.status === 401) options.onUnauthorized();
  };
  return new QueryClient({
    queryCache: new QueryCache({ onError: handleUnauthorized }),
    mutationCache: new MutationCache({
      onError: (error, _variables, _context, mutation) => {
        handleUnauthorized(error);
        if (!mutation.meta?.inlineErrors && !(error instanceof ApiError && error.status === 401)) showToast(error.message, 'error');
      },
    }),
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        refetchOnWindowFocus: false,
        // Client errors (4xx) will not change on retry; network hiccups and 5xx might.
        retry: (count, error) => !(error instanceof ApiError && error.status < 500) && count < 2,
      },
    },
  });
}
