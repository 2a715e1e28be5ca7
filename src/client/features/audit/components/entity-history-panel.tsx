import { useInfiniteQuery } from '@tanstack/react-query';
import { Button } from '../../../components/ui/button';
import { Card, CardHeader } from '../../../components/ui/card';
import { ErrorState, Spinner } from '../../../components/ui/query-state';
import { formatDateTime } from '../../../lib/format';
import { auditQueries, type EntityRef } from '../api/audit.queries';
import { describeVia } from '../utils/actor-via';
import { StateDiff } from './state-diff';

/**
 * The history of one entity, newest first, each change with its diff. Model, version, deployment
 * and request pages embed it; for a registered model, `related` adds its versions, aliases and
 * deployments. Anyone who can read the entity may see it.
 */
export function EntityHistoryPanel({ entity, title }: { entity: EntityRef; title?: string }) {
  const history = useInfiniteQuery(auditQueries.entity(entity));
  const events = history.data?.pages.flatMap((page) => page.items) ?? [];
  return (
    <Card role="region" aria-label={`History of ${entity.type} ${entity.id}`}>
      <CardHeader title={title ?? `History of ${entity.type} ${entity.id}`} description="Every recorded change, newest first." />
      {history.isPending ? (
        <Spinner label="Loading history" />
      ) : history.isError ? (
        <div className="p-5">
          <ErrorState error={history.error} onRetry={() => history.refetch()} />
        </div>
      ) : events.length === 0 ? (
        <p className="px-5 py-4 text-sm text-muted-foreground">No recorded changes yet.</p>
      ) : (
        <ol className="divide-y divide-border">
          {events.map((event) => (
            <li key={event.seq} className="px-5 py-3">
              <details>
                <summary className="cursor-pointer text-sm">
                  <span className="font-mono text-xs">{event.action}</span>
                  {entity.related && <span className="text-muted-foreground"> on {event.entityId}</span>} by{' '}
                  <span className="font-medium">{event.actor.name}</span>{' '}
                  <span className="text-muted-foreground">
                    ({describeVia(event.actor.via)}), {formatDateTime(event.occurredAt)}
                  </span>
                  {event.justification && <span className="block pl-4 text-muted-foreground">“{event.justification}”</span>}
                </summary>
                <div className="mt-2">
                  <StateDiff before={event.before} after={event.after} />
                </div>
              </details>
            </li>
          ))}
        </ol>
      )}
      {history.hasNextPage && (
        <div className="border-t border-border p-3 text-center">
          <Button variant="ghost" size="sm" onClick={() => history.fetchNextPage()} disabled={history.isFetchingNextPage}>
            Older changes
          </Button>
        </div>
      )}
    </Card>
  );
}
