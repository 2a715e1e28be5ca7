import { useQuery, useSuspenseQuery } from '@tanstack/react-query';
import { CheckSquare } from 'lucide-react';
import { useSearchParams } from 'react-router';
import { inboxViews, type ListRequestsQuery } from '../../../shared/contract/promotions';
import { can, type Role } from '../../../shared/permissions';
import { Button } from '../../components/ui/button';
import { Card } from '../../components/ui/card';
import { EmptyState } from '../../components/ui/empty-state';
import { PageHeader } from '../../components/ui/page-header';
import { ErrorState, Spinner } from '../../components/ui/query-state';
import { authQueries } from '../../features/auth/api/auth.queries';
import { promotionsQueries } from '../../features/promotions/api/promotions.queries';
import { InboxFilters, type InboxFilterValues } from '../../features/promotions/components/inbox-filters';
import { InboxTabs } from '../../features/promotions/components/inbox-tabs';
import { RequestsTable } from '../../features/promotions/components/requests-table';

type View = (typeof inboxViews)[number];
const defaultView = (role: Role): View => (can(role, 'promotions:approve') ? 'mine-to-approve' : can(role, 'promotions:request') ? 'my-requests' : 'all');
const filterKeys = ['state', 'environment', 'model', 'kind'] as const;

/** The approvals inbox; view, filters and page live in the URL. */
export function Component() {
  const { data: session } = useSuspenseQuery(authQueries.me());
  const [search, setSearch] = useSearchParams();
  const param = search.get('view');
  const view: View = inboxViews.includes(param as View) ? (param as View) : defaultView(session.user.role);
  const filters: InboxFilterValues = Object.fromEntries(filterKeys.map((k) => [k, search.get(k) ?? undefined]));
  const cursor = search.get('cursor') ?? undefined;
  const query = { view, ...filters, cursor, limit: 50 } as ListRequestsQuery;
  const requests = useQuery(promotionsQueries.list(query));
  const environments = useQuery(promotionsQueries.environments());

  const navigate = (next: Record<string, string | undefined>) => {
    const params = new URLSearchParams();
    for (const [key, value] of Object.entries({ view, ...filters, ...next })) if (value) params.set(key, value);
    setSearch(params);
  };
  return (
    <>
      <PageHeader title="Approvals" description="Promotion and rollback requests, their gates and decisions." />
      <InboxTabs view={view} onChange={(v) => navigate({ view: v, cursor: undefined })} />
      <InboxFilters values={filters} environments={(environments.data?.items ?? []).map((e) => e.name)} onChange={(f) => navigate({ ...f, cursor: undefined })} />
      {requests.isPending ? (
        <Spinner label="Loading requests" />
      ) : requests.isError ? (
        <ErrorState error={requests.error} onRetry={() => requests.refetch()} />
      ) : requests.data.items.length === 0 ? (
        <EmptyState title={view === 'mine-to-approve' ? 'Nothing waits for you' : 'No requests'} icon={<CheckSquare />}>
          <p>Requests to promote or roll back a model in a protected environment wait here for approvers.</p>
        </EmptyState>
      ) : (
        <Card>
          <RequestsTable items={requests.data.items} />
          {(cursor || requests.data.nextCursor) && (
            <div className="flex justify-end gap-2 border-t border-border px-5 py-3">
              {cursor && <Button variant="secondary" size="sm" onClick={() => navigate({ cursor: undefined })}>Newest</Button>}
              {requests.data.nextCursor && <Button variant="secondary" size="sm" onClick={() => navigate({ cursor: requests.data.nextCursor ?? undefined })}>Older</Button>}
            </div>
          )}
        </Card>
      )}
    </>
  );
}
