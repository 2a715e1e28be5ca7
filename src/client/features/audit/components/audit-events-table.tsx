import { Link } from 'react-router';
import type { AuditEvent } from '../../../../shared/contract/audit';
import { cn } from '../../../components/ui/cn';
import { formatDateTime } from '../../../lib/format';
import { ActorLabel } from './actor-label';

interface Props {
  events: AuditEvent[];
  selectedSeq: number | null;
  onSelect: (seq: number) => void;
  /** Where an entity links: its history on the audit page. */
  entityHref: (type: string, id: string) => string;
}

/** The trail, one row per event: time, actor and how they authenticated, action, entity, address, justification. */
export function AuditEventsTable({ events, selectedSeq, onSelect, entityHref }: Props) {
  return (
    <table className="w-full text-sm">
      <thead className="text-left text-xs text-muted-foreground uppercase">
        <tr>
          <th className="px-4 py-2 font-medium">Time</th>
          <th className="px-4 py-2 font-medium">Actor</th>
          <th className="px-4 py-2 font-medium">Action</th>
          <th className="px-4 py-2 font-medium">Entity</th>
          <th className="px-4 py-2 font-medium">Client</th>
          <th className="px-4 py-2 font-medium">Justification</th>
          <th className="px-4 py-2" />
        </tr>
      </thead>
      <tbody>
        {events.map((event) => (
          <tr key={event.seq} aria-selected={event.seq === selectedSeq} className={cn('border-t border-border align-top', event.seq === selectedSeq && 'bg-primary/5')}>
            <td className="px-4 py-2 whitespace-nowrap text-muted-foreground" title={event.occurredAt}>
              {formatDateTime(event.occurredAt)}
            </td>
            <td className="px-4 py-2">
              <ActorLabel actor={event.actor} />
            </td>
            <td className="px-4 py-2 font-mono text-xs">{event.action}</td>
            <td className="px-4 py-2">
              <span className="block text-xs text-muted-foreground">{event.entityType}</span>
              <Link to={entityHref(event.entityType, event.entityId)} className="text-primary hover:underline" aria-label={`History of ${event.entityType} ${event.entityId}`}>
                {event.entityId}
              </Link>
            </td>
            <td className="px-4 py-2 font-mono text-xs text-muted-foreground">{event.clientIp ?? '—'}</td>
            <td className="max-w-64 px-4 py-2 text-muted-foreground">{event.justification ?? ''}</td>
            <td className="px-4 py-2 text-right">
              <button type="button" className="text-sm text-primary hover:underline" onClick={() => onSelect(event.seq)} aria-label={`Show changes of event ${event.seq}`}>
                Changes
              </button>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
