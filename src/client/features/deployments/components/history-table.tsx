import { Link } from 'react-router';
import type { HistoryEntry } from '../../../../shared/contract/deployments';
import { paths } from '../../../config/paths';
import { formatDateTime } from '../../../lib/format';

/** Every change, newest first: what served when, who changed it and why. */
export function HistoryTable({ history }: { history: HistoryEntry[] }) {
  if (history.length === 0) return null;
  return (
    <table className="w-full text-sm">
      <thead className="text-left text-xs text-muted-foreground uppercase">
        <tr>
          <th className="px-5 py-2 font-medium">Rev.</th>
          <th className="px-5 py-2 font-medium">Change</th>
          <th className="px-5 py-2 font-medium">Serving after</th>
          <th className="px-5 py-2 font-medium">By</th>
          <th className="px-5 py-2 font-medium">When</th>
          <th className="px-5 py-2 font-medium">Why</th>
        </tr>
      </thead>
      <tbody>
        {history.map((h) => (
          <tr key={h.revision} className="border-t border-border align-top">
            <td className="px-5 py-2 text-muted-foreground">{h.revision}</td>
            <td className="px-5 py-2">
              {h.requestId ? (
                <Link className="text-primary hover:underline" to={paths.approvalRequest.href(h.requestId)}>
                  {h.change}
                </Link>
              ) : (
                h.change
              )}
            </td>
            <td className="px-5 py-2">
              {h.stableVersion === null ? '—' : `v${h.stableVersion}`}
              {h.canaryVersion !== null && <span className="text-warning"> + v{h.canaryVersion} at {h.canaryWeight} %</span>}
            </td>
            <td className="px-5 py-2">{h.changedBy}</td>
            <td className="px-5 py-2 text-muted-foreground">{formatDateTime(h.changedAt)}</td>
            <td className="max-w-xs px-5 py-2 text-muted-foreground">{h.justification}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
