import { Link } from 'react-router';
import type { RequestDetail } from '../../../../shared/contract/promotions';
import { Badge } from '../../../components/ui/badge';
import { paths } from '../../../config/paths';
import { formatDateTime } from '../../../lib/format';

/** Who asked for what and why, how far the approvals are, and the version's lineage. */
export function RequestOverview({ detail }: { detail: RequestDetail }) {
  const { request, policy } = detail;
  return (
    <dl className="grid gap-x-6 gap-y-3 p-5 text-sm sm:grid-cols-[10rem_1fr]">
      <dt className="text-muted-foreground">Justification</dt>
      <dd className="whitespace-pre-wrap">{request.justification}</dd>
      <dt className="text-muted-foreground">Requested by</dt>
      <dd>
        {request.requestedBy.username} on {formatDateTime(request.createdAt)} {request.breakGlass && <Badge tone="danger">break-glass</Badge>}
      </dd>
      <dt className="text-muted-foreground">Approvals</dt>
      <dd>
        {request.requiredApprovals === 0
          ? 'None needed'
          : `${request.approvalCount} of ${request.requiredApprovals}, from ${request.approverRoles.join(' or ')}${policy.requesterMayApprove ? '' : ', never the requester'}`}
      </dd>
      {request.expiresAt && request.state === 'pending' && (
        <>
          <dt className="text-muted-foreground">Expires</dt>
          <dd>{formatDateTime(request.expiresAt)}</dd>
        </>
      )}
      {request.failureReason && (
        <>
          <dt className="text-muted-foreground">Why it failed</dt>
          <dd className="text-danger">{request.failureReason}</dd>
        </>
      )}
      {request.appliedAt && (
        <>
          <dt className="text-muted-foreground">Applied</dt>
          <dd>{formatDateTime(request.appliedAt)} by {request.appliedBy}</dd>
        </>
      )}
      {request.version !== null && (
        <>
          <dt className="text-muted-foreground">Lineage</dt>
          <dd>
            <Link className="text-primary hover:underline" to={paths.modelVersion.href(request.modelName, request.version)}>
              {request.modelName} v{request.version}: runs, datasets and deployments
            </Link>
          </dd>
        </>
      )}
    </dl>
  );
}
