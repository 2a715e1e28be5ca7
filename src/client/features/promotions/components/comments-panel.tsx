import { type FormEvent, useState } from 'react';
import type { RequestDetail } from '../../../../shared/contract/promotions';
import { Button } from '../../../components/ui/button';
import { Field, Textarea } from '../../../components/ui/field';
import { formatDateTime } from '../../../lib/format';
import { useRequestAction } from '../api/promotions.mutations';

export function CommentsPanel({ detail }: { detail: RequestDetail }) {
  const action = useRequestAction(detail.request.id);
  const [body, setBody] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    action.mutate({ action: 'comment', body }, { onSuccess: () => setBody('') });
  };
  return (
    <div className="space-y-3 p-5 text-sm">
      {detail.comments.length === 0 && <p className="text-muted-foreground">No comments yet.</p>}
      <ul className="space-y-3" aria-label="Comments">
        {detail.comments.map((c) => (
          <li key={c.id}>
            <p>
              <strong>{c.user.username}</strong> <span className="text-muted-foreground">{formatDateTime(c.createdAt)}</span>
            </p>
            <p className="whitespace-pre-wrap">{c.body}</p>
          </li>
        ))}
      </ul>
      {detail.yourActions.includes('comment') && (
        <form onSubmit={submit} className="space-y-2">
          <Field label="Add a comment">{(props) => <Textarea {...props} value={body} onChange={(e) => setBody(e.target.value)} />}</Field>
          <Button type="submit" size="sm" disabled={action.isPending || body.trim() === ''}>Comment</Button>
        </form>
      )}
    </div>
  );
}
