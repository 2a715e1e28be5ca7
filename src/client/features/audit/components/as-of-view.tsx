import { useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import type { AsOfEntity } from '../../../../shared/contract/audit';
import { Button } from '../../../components/ui/button';
import { Card, CardHeader } from '../../../components/ui/card';
import { Field, Input } from '../../../components/ui/field';
import { ErrorState, Spinner } from '../../../components/ui/query-state';
import { formatDateTime } from '../../../lib/format';
import { auditQueries } from '../api/audit.queries';
import { isoToLocalInput, localInputToIso } from '../utils/audit-search-params';
import { formatValue } from '../utils/state-diff';

type State = Record<string, unknown>;
const stateOf = (entity: AsOfEntity): State => (typeof entity.state === 'object' && entity.state !== null ? (entity.state as State) : {});

/** "As of": pick a moment and see what served where, which aliases and policies were in force, and who decided. */
export function AsOfView({ at, onChange }: { at: string | null; onChange: (at: string) => void }) {
  const [value, setValue] = useState(isoToLocalInput(at ?? undefined));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (value) onChange(localInputToIso(value));
  };
  return (
    <div className="space-y-6">
      <form aria-label="Choose a moment" onSubmit={submit} className="flex items-end gap-3">
        <Field label="As of">{(props) => <Input {...props} type="datetime-local" value={value} onChange={(e) => setValue(e.target.value)} required />}</Field>
        <Button type="submit">Show</Button>
      </form>
      {at ? <AsOfTables at={at} /> : <p className="text-sm text-muted-foreground">Pick a date and time to see the state then.</p>}
    </div>
  );
}

function AsOfTables({ at }: { at: string }) {
  const asOf = useQuery(auditQueries.asOf(at));
  if (asOf.isPending) return <Spinner label="Reconstructing" />;
  if (asOf.isError) return <ErrorState error={asOf.error} onRetry={() => asOf.refetch()} />;
  const of = (type: string) => asOf.data.entities.filter((e) => e.entityType === type);
  return (
    <>
      <p className="text-sm text-muted-foreground">
        State as of {formatDateTime(at)}, from the audit trail up to event {asOf.data.throughSeq ?? '—'}.
      </p>
      <Section title="Deployments" empty="No deployment had been recorded by then." rows={of('deployment')} columns={['Model / environment', 'Stable', 'Canary', 'Status', 'Promotion']}>
        {(entity) => {
          const s = stateOf(entity);
          return [entity.entityId, formatValue(s.stableVersion), s.canaryVersion == null ? '—' : `${formatValue(s.canaryVersion)} at ${formatValue(s.canaryWeight)}%`, formatValue(s.status), <Promotion key="p" entity={entity} />];
        }}
      </Section>
      <Section title="Aliases" empty="No alias had been set by then." rows={of('model-alias')} columns={['Model @ alias', 'Version', 'Set by']}>
        {(entity) => [entity.entityId, formatValue(stateOf(entity).version), `${entity.event.actor.name}, ${formatDateTime(entity.event.occurredAt)}`]}
      </Section>
      <Section title="Policies" empty="No policy had been recorded by then." rows={of('policy')} columns={['Scope', 'Policy']}>
        {(entity) => [entity.entityId, <code key="c" className="text-xs">{JSON.stringify(entity.state)}</code>]}
      </Section>
    </>
  );
}

function Promotion({ entity }: { entity: AsOfEntity }) {
  if (!entity.promotion) return <span className="text-muted-foreground">—</span>;
  return (
    <ul className="space-y-0.5 text-xs">
      <li className="font-medium">Request {entity.promotion.requestId}</li>
      {entity.promotion.events.map((e) => (
        <li key={e.seq}>
          {e.action} by {e.actor.name}
          {e.justification && <span className="text-muted-foreground"> — “{e.justification}”</span>}
        </li>
      ))}
    </ul>
  );
}

interface SectionProps {
  title: string;
  empty: string;
  rows: AsOfEntity[];
  columns: string[];
  children: (entity: AsOfEntity) => React.ReactNode[];
}

function Section({ title, empty, rows, columns, children }: SectionProps) {
  return (
    <Card>
      <CardHeader title={title} />
      {rows.length === 0 ? (
        <p className="px-5 py-4 text-sm text-muted-foreground">{empty}</p>
      ) : (
        <table aria-label={title} className="w-full text-sm">
          <thead className="text-left text-xs text-muted-foreground uppercase">
            <tr>{columns.map((c) => <th key={c} className="px-5 py-2 font-medium">{c}</th>)}</tr>
          </thead>
          <tbody>
            {rows.map((entity) => (
              <tr key={entity.entityId} className="border-t border-border align-top">
                {children(entity).map((cell, i) => <td key={i} className="px-5 py-2">{cell}</td>)}
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Card>
  );
}
