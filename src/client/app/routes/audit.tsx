import { useInfiniteQuery, useSuspenseQuery } from '@tanstack/react-query';
import { History, ScrollText } from 'lucide-react';
import { Link, useSearchParams } from 'react-router';
import { can } from '../../../shared/permissions';
import { Button } from '../../components/ui/button';
import { Card } from '../../components/ui/card';
import { EmptyState } from '../../components/ui/empty-state';
import { PageHeader } from '../../components/ui/page-header';
import { ErrorState, Spinner } from '../../components/ui/query-state';
import { paths } from '../../config/paths';
import { auditQueries } from '../../features/audit/api/audit.queries';
import { AuditEventDetail } from '../../features/audit/components/audit-event-detail';
import { AuditEventsTable } from '../../features/audit/components/audit-events-table';
import { AuditFiltersForm } from '../../features/audit/components/audit-filters-form';
import { EntityHistoryPanel } from '../../features/audit/components/entity-history-panel';
import { ExportButtons } from '../../features/audit/components/export-buttons';
import { VerificationBanner } from '../../features/audit/components/verification-banner';
import { filtersFromSearch, searchWithFilters } from '../../features/audit/utils/audit-search-params';
import { authQueries } from '../../features/auth/api/auth.queries';

export function Component() {
  const { data: session } = useSuspenseQuery(authQueries.me());
  if (!can(session.user.role, 'audit:read')) {
    return (
      <EmptyState title="Only auditors and administrators read the whole trail" icon={<ScrollText />}>
        <p>You can read the history of the models, deployments and runs you can see on their own pages.</p>
      </EmptyState>
    );
  }
  return <AuditPage />;
}

function AuditPage() {
  const [search, setSearch] = useSearchParams();
  const filters = filtersFromSearch(search);
  const selectedSeq = search.get('event') ? Number(search.get('event')) : null;
  const history = search.get('historyType') && search.get('historyId') ? { type: search.get('historyType') as string, id: search.get('historyId') as string } : null;
  const events = useInfiniteQuery(auditQueries.events(filters));
  const items = events.data?.pages.flatMap((page) => page.items) ?? [];
  const selected = items.find((e) => e.seq === selectedSeq) ?? null;

  const update = (changes: Record<string, string | null>) => {
    const next = new URLSearchParams(search);
    for (const [key, value] of Object.entries(changes)) {
      if (value === null) next.delete(key);
      else next.set(key, value);
    }
    setSearch(next);
  };
  const entityHref = (type: string, id: string) => {
    const next = new URLSearchParams(search);
    next.set('historyType', type);
    next.set('historyId', id);
    return `${paths.audit.path}?${next}`;
  };

  return (
    <>
      <PageHeader
        title="Audit"
        description="Every change made through Sextant, newest first, in a hash-chained log."
        actions={
          <div className="flex items-start gap-2">
            <Link
              to={paths.audit.asOf.href()}
              className="inline-flex h-9 items-center gap-2 rounded-md border border-border bg-surface px-4 text-sm font-medium hover:bg-muted"
            >
              <History className="size-4" aria-hidden /> As of…
            </Link>
            <ExportButtons filters={filters} />
          </div>
        }
      />
      <VerificationBanner />
      <AuditFiltersForm key={search.toString()} initial={filters} onApply={(values) => setSearch(searchWithFilters(search, values))} />
      <div className="grid gap-6 2xl:grid-cols-[minmax(0,1fr)_28rem]">
        <Card className="overflow-x-auto">
          {events.isPending ? (
            <Spinner label="Loading the trail" />
          ) : events.isError ? (
            <div className="p-5">
              <ErrorState error={events.error} onRetry={() => events.refetch()} />
            </div>
          ) : items.length === 0 ? (
            <p className="px-5 py-8 text-center text-sm text-muted-foreground">No events match these filters.</p>
          ) : (
            <>
              <AuditEventsTable events={items} selectedSeq={selectedSeq} onSelect={(seq) => update({ event: String(seq) })} entityHref={entityHref} />
              {events.hasNextPage && (
                <div className="border-t border-border p-3 text-center">
                  <Button variant="ghost" size="sm" onClick={() => events.fetchNextPage()} disabled={events.isFetchingNextPage}>
                    Older events
                  </Button>
                </div>
              )}
            </>
          )}
        </Card>
        {(selected || history) && (
          <div className="order-first space-y-6 2xl:order-none">
            {selected && <AuditEventDetail event={selected} onClose={() => update({ event: null })} />}
            {history && <EntityHistoryPanel key={`${history.type}:${history.id}`} entity={history} />}
          </div>
        )}
      </div>
    </>
  );
}
