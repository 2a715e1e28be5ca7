import type { RequestDetail } from '../../../../shared/contract/promotions';
import { formatDateTime } from '../../../lib/format';

/** The request's activity in order: requested, gates, decisions, comments, applied or failed. */
export function RequestTimeline({ events }: { events: RequestDetail['events'] }) {
  return (
    <ol className="space-y-3 p-5 text-sm" aria-label="Timeline">
      {events.map((e) => (
        <li key={e.id} className="relative border-l-2 border-border pl-4">
          <span className="absolute top-1.5 -left-[5px] size-2 rounded-full bg-primary" aria-hidden />
          <p>
            <strong>{e.kind}</strong> by {e.actor} <span className="text-muted-foreground">{formatDateTime(e.createdAt)}</span>
          </p>
          {e.message && <p className="text-muted-foreground">{e.message}</p>}
        </li>
      ))}
    </ol>
  );
}
