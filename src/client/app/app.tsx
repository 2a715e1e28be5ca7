import { QueryClientProvider } from '@tanstack/react-query';
import { useState } from 'react';
import { RouterProvider } from 'react-router';
import { Toaster } from '../components/ui/toaster';
import { paths } from '../config/paths';
import { createQueryClient } from '../lib/query-client';
import { createRouter } from './router';

/** The root: one query client, one router; a 401 anywhere leads to sign-in and back. */
export function App() {
  const [{ queryClient, router }] = useState(() => {
    let navigateToSignIn = () => {};
    const queryClient = createQueryClient({ onUnauthorized: () => navigateToSignIn() });
    const router = createRouter(queryClient);
    navigateToSignIn = () => {
      const { pathname, search } = router.state.location;
      if (pathname === paths.signIn.path) return;
      queryClient.clear();
      void router.navigate(paths.signIn.href(pathname + search), { replace: true });
    };
    return { queryClient, router };
  });
  return (
    <QueryClientProvider client={queryClient}>
      <RouterProvider router={router} />
      <Toaster />
    </QueryClientProvider>
  );
}
