import { useQuery } from '@tanstack/react-query';
import { ShieldAlert, ShieldCheck } from 'lucide-react';
import { useState } from 'react';
import { Button } from '../../../components/ui/button';
import { cn } from '../../../components/ui/cn';
import { ErrorState } from '../../../components/ui/query-state';
import { auditQueries } from '../api/audit.queries';

/**
 * Whether the hash chain verifies. On load it checks incrementally (from the last verified
 * checkpoint); "Verify the whole chain" re-reads everything, which also catches an old event
 * altered after it was first verified.
 */
export function VerificationBanner() {
  const [mode, setMode] = useState<'incremental' | 'full'>('incremental');
  const status = useQuery(auditQueries.verification(mode));
  const verifyAll = () => (mode === 'full' ? void status.refetch() : setMode('full'));

  if (status.isError) return <ErrorState error={status.error} onRetry={() => status.refetch()} />;
  const data = status.data;
  const ok = data?.ok ?? true;
  return (
    <section
      aria-label="Chain verification"
      role={data && !ok ? 'alert' : 'status'}
      className={cn(
        'mb-6 flex flex-wrap items-center justify-between gap-3 rounded-lg border px-4 py-3 text-sm',
        !data ? 'border-border bg-surface text-muted-foreground' : ok ? 'border-success/40 bg-success/10' : 'border-danger/50 bg-danger/10',
      )}
    >
      <div className="flex items-start gap-2">
        {data && !ok ? <ShieldAlert className="mt-0.5 size-4 text-danger" aria-hidden /> : <ShieldCheck className="mt-0.5 size-4 text-success" aria-hidden />}
        {status.isFetching || !data ? (
          <p>Verifying the hash chain{mode === 'full' ? ' from the start' : ''}…</p>
        ) : ok ? (
          <p>
            <span className="font-medium text-success">Hash chain verified up to event {data.verifiedThroughSeq}.</span>{' '}
            <span className="text-muted-foreground">
              {data.mode === 'full' ? 'Every event was re-checked' : `Checked ${data.checked} new events since event ${data.fromSeq}`}
              {data.retentionCheckpoint && `; events up to ${data.retentionCheckpoint.seq} were removed by retention (signed checkpoint)`}.
            </span>
          </p>
        ) : (
          <p>
            <span className="font-medium text-danger">Hash chain broken at event {data.broken?.seq}:</span> {data.broken?.reason}.{' '}
            <span className="text-muted-foreground">Events up to {data.verifiedThroughSeq} verify.</span>
          </p>
        )}
      </div>
      <Button variant="secondary" size="sm" onClick={verifyAll} disabled={status.isFetching}>
        Verify the whole chain
      </Button>
    </section>
  );
}
