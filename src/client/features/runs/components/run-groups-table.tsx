import { useQuery } from '@tanstack/react-query';
import type { RunsQueryInput } from '../../../../shared/contract/runs';
import { ErrorState, Spinner } from '../../../components/ui/query-state';
import { runsQueries } from '../api/runs.queries';
import { formatMetric } from '../utils/chart-data';

/** Min / mean / max of the chosen metrics per value of a param, tag or dataset. */
export function RunGroupsTable({ query, groupBy, metrics }: { query: RunsQueryInput; groupBy: { entity: 'param' | 'tag' | 'dataset'; key: string }; metrics: string[] }) {
  const groups = useQuery(runsQueries.groups(query, groupBy, metrics));
  if (groups.isPending) return <Spinner label="Grouping runs" />;
  if (groups.isError) return <ErrorState error={groups.error} onRetry={() => groups.refetch()} />;
  const label = groupBy.entity === 'dataset' ? 'Dataset' : `${groupBy.entity} ${groupBy.key}`;
  return (
    <div className="overflow-auto rounded-lg border border-border bg-surface">
      <table className="w-full text-sm" aria-label="Run groups">
        <thead className="bg-muted text-xs text-muted-foreground">
          <tr>
            <th className="px-3 py-2 text-left">{label}</th>
            <th className="px-3 py-2 text-right">Runs</th>
            {metrics.map((key) => (
              <th key={key} className="px-3 py-2 text-right">{`${key} min / mean / max`}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {groups.data.groups.map((group) => (
            <tr key={group.value ?? '∅'} className="border-t border-border">
              <td className="px-3 py-1.5">{group.value ?? <span className="text-muted-foreground">(none)</span>}</td>
              <td className="px-3 py-1.5 text-right tabular-nums">{group.count}</td>
              {metrics.map((key) => {
                const s = group.metrics[key];
                return (
                  <td key={key} className="px-3 py-1.5 text-right font-mono tabular-nums">
                    {s && s.min !== null ? `${formatMetric(s.min)} / ${formatMetric(s.mean!)} / ${formatMetric(s.max!)}` : '—'}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
      {metrics.length === 0 && <p className="px-3 py-2 text-xs text-muted-foreground">Choose metric columns to see their min, mean and max per group.</p>}
      {(groups.data.limited || groups.data.truncated) && (
        <p className="px-3 py-2 text-xs text-muted-foreground">
          {groups.data.limited && `Grouped the first ${groups.data.runsGrouped.toLocaleString('en-US')} runs of this view. `}
          {groups.data.truncated && 'Only the 500 largest groups are listed.'}
        </p>
      )}
    </div>
  );
}
