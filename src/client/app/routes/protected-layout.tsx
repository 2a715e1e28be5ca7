import type { QueryClient } from '@tanstack/react-query';
import { useSuspenseQuery } from '@tanstack/react-query';
import { Outlet, type LoaderFunctionArgs, redirect } from 'react-router';
import { AppLayout } from '../../components/layouts/app-layout';
import { paths } from '../../config/paths';
import { authQueries } from '../../features/auth/api/auth.queries';
import { UserMenu } from '../../features/auth/components/user-menu';
import { ApiError } from '../../lib/api-client';

/** Every page but sign-in needs a signed-in user; without one, go sign in and come back. */
export const loader =
  (queryClient: QueryClient) =>
  async ({ request }: LoaderFunctionArgs) => {
    try {
      await queryClient.ensureQueryData(authQueries.me());
      return null;
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) {
        const url = new URL(request.url);
        throw redirect(paths.signIn.href(url.pathname + url.search));
      }
      throw error;
    }
  };

export function Component() {
  const { data: session } = useSuspenseQuery(authQueries.me());
  return (
    <AppLayout userMenu={<UserMenu user={session.user} />}>
      <Outlet />
    </AppLayout>
  );
}
