import { useQuery } from '@tanstack/react-query';
import { Badge } from '../../../components/ui/badge';
import { ErrorState, Spinner } from '../../../components/ui/query-state';
import { formatDateTime } from '../../../lib/format';
import { webhooksQueries } from '../api/webhooks.queries';

const tone = { delivered: 'success', pending: 'warning', failed: 'danger' } as const;

/** The latest deliveries of one webhook with every attempt (status code or error, duration). */
export function DeliveryLog({ webhookId }: { webhookId: string }) {
  const deliveries = useQuery(webhooksQueries.deliveries(webhookId));
  if (deliveries.isPending) return <Spinner label="Loading deliveries" />;
  if (deliveries.isError) return <ErrorState error={deliveries.error} onRetry={() => deliveries.refetch()} />;
  if (deliveries.data.items.length === 0) return <p className="text-sm text-muted-foreground">No deliveries yet.</p>;
  return (
    <table className="w-full text-xs" aria-label="Delivery log">
      <thead className="text-left text-muted-foreground uppercase">
        <tr>
          <th className="py-1 pr-3 font-medium">Event</th>
          <th className="py-1 pr-3 font-medium">Status</th>
          <th className="py-1 pr-3 font-medium">Attempts</th>
          <th className="py-1 font-medium">Last answer</th>
        </tr>
      </thead>
      <tbody>
        {deliveries.data.items.map((d) => (
          <tr key={d.id} className="border-t border-border align-top">
            <td className="py-1 pr-3">
              <span className="font-mono">{d.eventType}</span>
              <div className="text-muted-foreground">{formatDateTime(d.createdAt)}</div>
            </td>
            <td className="py-1 pr-3">
              <Badge tone={tone[d.status]}>{d.status}</Badge>
              {d.nextAttemptAt && <div className="text-muted-foreground">retry {formatDateTime(d.nextAttemptAt)}</div>}
            </td>
            <td className="py-1 pr-3">{d.attempts}</td>
            <td className="py-1">
              {d.log.map((a) => (
                <div key={a.attemptedAt} className={a.error ? 'text-danger' : 'text-muted-foreground'}>
                  {formatDateTime(a.attemptedAt)}: {a.statusCode ?? 'no answer'} {a.error && `— ${a.error}`} ({a.durationMs} ms)
                </div>
              ))}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
