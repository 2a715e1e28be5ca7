import type { AuditEvent } from '../../../../shared/contract/audit';
import { Card, CardHeader } from '../../../components/ui/card';
import { formatDateTime } from '../../../lib/format';
import { describeVia } from '../utils/actor-via';
import { StateDiff } from './state-diff';

/** One event in full: who, how, from where, why, the before/after diff and its place in the chain. */
export function AuditEventDetail({ event, onClose }: { event: AuditEvent; onClose: () => void }) {
  const facts: Array<[string, string]> = [
    ['When', `${formatDateTime(event.occurredAt)} (${event.occurredAt})`],
    ['Who', `${event.actor.name} via ${describeVia(event.actor.via)}`],
    ['Entity', `${event.entityType} ${event.entityId}`],
    ['Justification', event.justification ?? '—'],
    ['Client address', event.clientIp ?? '—'],
    ['Request', event.requestId ?? '—'],
    ['Hash', event.hash],
    ['Previous hash', event.prevHash],
  ];
  return (
    <Card aria-label={`Event ${event.seq}`} role="region">
      <CardHeader
        title={`Event ${event.seq}: ${event.action}`}
        actions={
          <button type="button" className="text-sm text-muted-foreground hover:text-foreground" onClick={onClose}>
            Close
          </button>
        }
      />
      <div className="space-y-4 p-5">
        <StateDiff before={event.before} after={event.after} />
        <dl className="grid grid-cols-[8rem_1fr] gap-x-3 gap-y-1 text-sm">
          {facts.map(([term, value]) => (
            <div key={term} className="contents">
              <dt className="text-muted-foreground">{term}</dt>
              <dd className="break-all">{value}</dd>
            </div>
          ))}
        </dl>
      </div>
    </Card>
  );
}
