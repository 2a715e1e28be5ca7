import { Link, isRouteErrorResponse, useRouteError } from 'react-router';
import { paths } from '../../config/paths';

/** Shown when a page fails to load or render: what happened, and a way back. */
export function RouteError() {
  const error = useRouteError();
  const message = isRouteErrorResponse(error) ? `${error.status} ${error.statusText}` : error instanceof Error ? error.message : 'Unknown error';
  return (
    <div role="alert" className="mx-auto mt-16 max-w-lg rounded-lg border border-danger/40 bg-surface p-6">
      <h1 className="text-lg font-semibold text-danger">Something went wrong</h1>
      <p className="mt-2 text-sm">{message}</p>
      <Link to={paths.home.href()} className="mt-4 inline-block text-sm font-medium text-primary hover:underline">
        Back to the overview
      </Link>
    </div>
  );
}
