import { useSuspenseQuery } from '@tanstack/react-query';
import { can } from '../../../../shared/permissions';
import { authQueries } from '../../../features/auth/api/auth.queries';
import { AlertRulesPanel } from '../../../features/monitoring/components/alert-rules-panel';

export function Component() {
  const { data: session } = useSuspenseQuery(authQueries.me());
  return <AlertRulesPanel canConfigure={can(session.user.role, 'monitoring:configure')} />;
}
