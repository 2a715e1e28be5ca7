import { Link } from 'react-router';
import type { PromotionRequest } from '../../../../shared/contract/promotions';
import { paths } from '../../../config/paths';
import { formatDateTime } from '../../../lib/format';
import { describeRequest } from '../utils/describe-request';
import { RequestStateBadge } from './request-state-badge';

function GateSummary({ summary }: { summary: PromotionRequest['gateSummary'] }) {
  const total = summary.pass + summary.fail + summary.warning;
  if (total === 0) return <span className="text-muted-foreground">—</span>;
  return (
    <span className="text-xs">
      <span className="text-success">{summary.pass} pass</span>
      {summary.warning > 0 && <span className="text-warning"> · {summary.warning} warn</span>}
      {summary.fail > 0 && <span className="text-danger"> · {summary.fail} fail</span>}
    </span>
  );
}

/** Requests with the justification up front (what approvers read first). */
export function RequestsTable({ items }: { items: PromotionRequest[] }) {
  return (
    <table className="w-full text-sm">
      <thead className="text-left text-xs text-muted-foreground uppercase">
        <tr>
          <th className="px-5 py-2 font-medium">Request</th>
          <th className="px-5 py-2 font-medium">Justification</th>
          <th className="px-5 py-2 font-medium">State</th>
          <th className="px-5 py-2 font-medium">Approvals</th>
          <th className="px-5 py-2 font-medium">Gates</th>
          <th className="px-5 py-2 font-medium">Requested</th>
        </tr>
      </thead>
      <tbody>
        {items.map((r) => (
          <tr key={r.id} className="border-t border-border align-top">
            <td className="px-5 py-2">
              <Link className="font-medium text-primary hover:underline" to={paths.approvalRequest.href(r.id)}>
                #{r.id} {r.modelName}
              </Link>
              <div className="text-xs text-muted-foreground">{describeRequest(r)}</div>
            </td>
            <td className="max-w-xs px-5 py-2 text-muted-foreground">{r.justification}</td>
            <td className="px-5 py-2">
              <RequestStateBadge state={r.state} />
              {r.breakGlass && <div className="mt-1 text-xs text-danger">break-glass</div>}
            </td>
            <td className="px-5 py-2">{r.requiredApprovals === 0 ? '—' : `${r.approvalCount} of ${r.requiredApprovals}`}</td>
            <td className="px-5 py-2"><GateSummary summary={r.gateSummary} /></td>
            <td className="px-5 py-2 text-muted-foreground">
              {r.requestedBy.username}
              <div className="text-xs">{formatDateTime(r.createdAt)}</div>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
