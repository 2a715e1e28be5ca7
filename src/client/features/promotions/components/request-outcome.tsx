import { Link } from 'react-router';
import type { RequestDetail } from '../../../../shared/contract/promotions';
import { paths } from '../../../config/paths';
import { describeRequest } from '../utils/describe-request';
import { GateResults } from './gate-results';
import { RequestStateBadge } from './request-state-badge';

const next: Record<string, string> = {
  pending: 'It waits for approval in the Approvals inbox.',
  approved: 'It is approved: apply it from its page.',
  applied: 'It is applied: the deployment and its aliases have moved.',
  failed: 'Fix what failed and request again.',
};

/** What became of a request just made: its state, why, and where to follow it. */
export function RequestOutcome({ detail }: { detail: RequestDetail }) {
  const { request } = detail;
  return (
    <div role="status" className="space-y-3 text-sm">
      <p className="font-medium">
        Request #{request.id} to {describeRequest(request)}: <RequestStateBadge state={request.state} />
      </p>
      {request.failureReason && <p className="text-danger">{request.failureReason}</p>}
      <p className="text-muted-foreground">{next[request.state] ?? ''}</p>
      {detail.gates.length > 0 && <GateResults gates={detail.gates} label="Gates at request time" />}
      <Link className="font-medium text-primary hover:underline" to={paths.approvalRequest.href(request.id)}>
        Open request #{request.id}
      </Link>
    </div>
  );
}
