import { useSuspenseQuery } from '@tanstack/react-query';
import { can } from '../../../../shared/permissions';
import { EmptyState } from '../../../components/ui/empty-state';
import { authQueries } from '../../../features/auth/api/auth.queries';
import { UsersPanel } from '../../../features/users/components/users-panel';

export function Component() {
  const { data: session } = useSuspenseQuery(authQueries.me());
  if (!can(session.user.role, 'users:admin')) {
    return (
      <EmptyState title="Only administrators manage users">
        <p>Ask an administrator to add people or change roles.</p>
      </EmptyState>
    );
  }
  return <UsersPanel currentUserId={session.user.id} />;
}
