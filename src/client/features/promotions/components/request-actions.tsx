import { useState } from 'react';
import type { RequestDetail } from '../../../../shared/contract/promotions';
import { Button } from '../../../components/ui/button';
import { Field, Textarea } from '../../../components/ui/field';
import { showToast } from '../../../components/ui/toaster';
import { ApiError } from '../../../lib/api-client';
import { type RequestDecision, useRequestAction } from '../api/promotions.mutations';

/** The decisions the signed-in person may take now (the server's `yourActions`), with a comment. */
export function RequestActions({ detail, onChanged }: { detail: RequestDetail; onChanged?: (detail: RequestDetail) => void }) {
  const action = useRequestAction(detail.request.id, onChanged);
  const [comment, setComment] = useState('');
  const can = new Set(detail.yourActions);
  const error = action.error instanceof ApiError ? action.error : null;
  const decisions = (['approve', 'reject', 'cancel', 'apply'] as const).filter((a) => can.has(a));
  if (decisions.length === 0) return null;

  const run = (decision: RequestDecision, done: string) =>
    action.mutate(decision, {
      onSuccess: (next) => {
        setComment('');
        showToast(next.request.state === 'failed' ? `Failed: ${next.request.failureReason}` : done, next.request.state === 'failed' ? 'error' : 'success');
      },
    });
  const note = comment.trim() || undefined;
  return (
    <section aria-label="Your decision" className="space-y-3 p-5">
      {(can.has('approve') || can.has('reject') || can.has('cancel')) && (
        <Field label="Comment" error={error?.fieldMessage('comment')} hint={can.has('reject') ? 'Required to reject; recorded with your decision.' : 'Recorded with your decision.'}>
          {(props) => <Textarea {...props} value={comment} onChange={(e) => setComment(e.target.value)} />}
        </Field>
      )}
      <div className="flex flex-wrap gap-2">
        {can.has('approve') && <Button onClick={() => run({ action: 'approve', comment: note }, 'Approved')} disabled={action.isPending}>Approve</Button>}
        {can.has('reject') && <Button variant="danger" onClick={() => run({ action: 'reject', comment: comment.trim() }, 'Rejected')} disabled={action.isPending}>Reject</Button>}
        {can.has('apply') && <Button onClick={() => run({ action: 'apply' }, 'Applied: the deployment has moved')} disabled={action.isPending}>Apply</Button>}
        {can.has('cancel') && <Button variant="secondary" onClick={() => run({ action: 'cancel', comment: note }, 'Cancelled')} disabled={action.isPending}>Cancel request</Button>}
      </div>
      {error && !error.details.length && <p role="alert" className="text-sm text-danger">{error.message}</p>}
    </section>
  );
}
