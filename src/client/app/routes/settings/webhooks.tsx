import { useSuspenseQuery } from '@tanstack/react-query';
import { can } from '../../../../shared/permissions';
import { EmptyState } from '../../../components/ui/empty-state';
import { authQueries } from '../../../features/auth/api/auth.queries';
import { WebhooksPanel } from '../../../features/webhooks/components/webhooks-panel';

export function Component() {
  const { data: session } = useSuspenseQuery(authQueries.me());
  if (!can(session.user.role, 'settings:admin')) return <EmptyState title="Only administrators manage webhooks" />;
  return <WebhooksPanel />;
}
