import { Link } from 'react-router';
import { EmptyState } from '../../../components/ui/empty-state';
import { paths } from '../../../config/paths';
import { ApiError } from '../../../lib/api-client';

export const isNotFound = (error: unknown) => error instanceof ApiError && error.status === 404;

/** An unknown model, version or dataset: say so, and lead back to the list. */
export function NotFoundPage({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <EmptyState title={title}>
      <p>{children}</p>
      <Link to={paths.models.href()} className="font-medium text-primary hover:underline">All models</Link>
    </EmptyState>
  );
}
