import { useSuspenseQuery } from '@tanstack/react-query';
import { Link, useSearchParams } from 'react-router';
import { can } from '../../../shared/permissions';
import { EmptyState } from '../../components/ui/empty-state';
import { PageHeader } from '../../components/ui/page-header';
import { paths } from '../../config/paths';
import { AsOfView } from '../../features/audit/components/as-of-view';
import { authQueries } from '../../features/auth/api/auth.queries';
import { MonitoringAsOf } from '../../features/monitoring/components/monitoring-as-of';

export function Component() {
  const { data: session } = useSuspenseQuery(authQueries.me());
  const [search, setSearch] = useSearchParams();
  const at = search.get('at');
  if (!can(session.user.role, 'audit:read')) {
    return <EmptyState title="Only auditors and administrators reconstruct past states" />;
  }
  return (
    <>
      <PageHeader
        title="As of…"
        description={
          <>
            Which version served in each environment, which aliases and policies were in force, and who requested and approved it, at any past moment.{' '}
            <Link to={paths.audit.href()} className="text-primary hover:underline">
              Back to the trail
            </Link>
          </>
        }
      />
      <div className="space-y-6">
        <AsOfView key={at ?? ''} at={at} onChange={(at) => setSearch({ at })} />
        {at && can(session.user.role, 'monitoring:read') && <MonitoringAsOf at={at} />}
      </div>
    </>
  );
}
