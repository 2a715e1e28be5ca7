import type { RequestDetail } from '../../../../shared/contract/promotions';
import { Badge } from '../../../components/ui/badge';
import { formatDateTime } from '../../../lib/format';

export function DecisionsList({ decisions }: { decisions: RequestDetail['decisions'] }) {
  if (decisions.length === 0) return <p className="p-5 text-sm text-muted-foreground">No decisions yet.</p>;
  return (
    <ul className="divide-y divide-border text-sm" aria-label="Decisions">
      {decisions.map((d) => (
        <li key={d.id} className="px-5 py-3">
          <p>
            <Badge tone={d.decision === 'approve' ? 'success' : 'danger'}>{d.decision === 'approve' ? 'approved' : 'rejected'}</Badge>{' '}
            <strong>{d.user.username}</strong> <span className="text-muted-foreground">({d.role}), {formatDateTime(d.createdAt)}</span>
          </p>
          {d.comment && <p className="mt-1 text-muted-foreground">{d.comment}</p>}
        </li>
      ))}
    </ul>
  );
}
