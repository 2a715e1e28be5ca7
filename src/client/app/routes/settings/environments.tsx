import { useSuspenseQuery } from '@tanstack/react-query';
import { can } from '../../../../shared/permissions';
import { EmptyState } from '../../../components/ui/empty-state';
import { authQueries } from '../../../features/auth/api/auth.queries';
import { EnvironmentsPanel } from '../../../features/deployments/components/environments-panel';
import { PoliciesPanel } from '../../../features/promotions/components/policies-panel';

export function Component() {
  const { data: session } = useSuspenseQuery(authQueries.me());
  if (!can(session.user.role, 'settings:admin')) {
    return <EmptyState title="Only administrators change environments and policies" />;
  }
  return (
    <div className="grid gap-6">
      <EnvironmentsPanel />
      <PoliciesPanel />
    </div>
  );
}
