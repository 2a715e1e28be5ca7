import { Link } from 'react-router';
import { EmptyState } from '../../components/ui/empty-state';
import { paths } from '../../config/paths';

export function Component() {
  return (
    <EmptyState title="Page not found">
      <p>There is nothing at this address. It may have been renamed or deleted.</p>
      <Link to={paths.home.href()} className="font-medium text-primary hover:underline">
        Back to the overview
      </Link>
    </EmptyState>
  );
}
