import { Link } from 'react-router';
import type { VersionRow } from '../../../../shared/contract/models';
import { Badge } from '../../../components/ui/badge';
import { paths } from '../../../config/paths';
import { formatDateTime } from '../../../lib/format';
import { formatMetric, keyMetrics } from '../utils/key-metrics';

const statusTone = { READY: 'success', PENDING_REGISTRATION: 'warning', FAILED_REGISTRATION: 'danger', DELETED: 'neutral' } as const;

interface VersionsTableProps {
  versions: VersionRow[];
  /** The (at most two) versions ticked for comparison. */
  selected: number[];
  onToggle: (version: number) => void;
}

/** A model's versions: who registered each, from which run, key metrics, datasets, aliases, tags and status. */
export function VersionsTable({ versions, selected, onToggle }: VersionsTableProps) {
  const metrics = keyMetrics(versions);
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-sm">
        <thead className="text-left text-xs text-muted-foreground uppercase">
          <tr>
            <th className="w-10 px-3 py-2 font-medium"><span className="sr-only">Compare</span></th>
            <th className="px-3 py-2 font-medium">Version</th>
            <th className="px-3 py-2 font-medium">Registered</th>
            <th className="px-3 py-2 font-medium">Run</th>
            {metrics.map((key) => <th key={key} className="px-3 py-2 text-right font-medium normal-case">{key}</th>)}
            <th className="px-3 py-2 font-medium">Datasets</th>
            <th className="px-3 py-2 font-medium">Aliases &amp; tags</th>
            <th className="px-3 py-2 font-medium">Status</th>
          </tr>
        </thead>
        <tbody>
          {versions.map((row) => {
            const deleted = row.status === 'DELETED';
            return (
              <tr key={row.version} className={`border-t border-border align-top ${deleted ? 'text-muted-foreground' : ''}`}>
                <td className="px-3 py-2">
                  <input
                    type="checkbox"
                    aria-label={`Compare version ${row.version}`}
                    checked={selected.includes(row.version)}
                    disabled={deleted || (selected.length >= 2 && !selected.includes(row.version))}
                    onChange={() => onToggle(row.version)}
                  />
                </td>
                <td className="px-3 py-2 font-medium">
                  <Link className={`text-primary hover:underline ${deleted ? 'line-through' : ''}`} to={paths.modelVersion.href(row.name, row.version)}>v{row.version}</Link>
                </td>
                <td className="px-3 py-2 whitespace-nowrap">
                  {row.registeredBy ?? '—'}
                  <div className="text-xs text-muted-foreground">{formatDateTime(row.createdAt)}</div>
                </td>
                <td className="px-3 py-2">
                  {row.runId ? <Link className="text-primary hover:underline" to={paths.run.href(row.runId)}>{row.runName ?? row.runId.slice(0, 8)}</Link> : '—'}
                </td>
                {metrics.map((key) => (
                  <td key={key} className="px-3 py-2 text-right tabular-nums">{formatMetric(row.metrics.find((m) => m.key === key)?.value)}</td>
                ))}
                <td className="px-3 py-2">
                  {row.datasets.map((d) => (
                    <div key={`${d.name}-${d.digest}-${d.context}`}>
                      <Link className="text-primary hover:underline" to={paths.dataset.href(d.digest)}>{d.name}</Link>
                      {d.context && <span className="text-xs text-muted-foreground"> ({d.context})</span>}
                    </div>
                  ))}
                </td>
                <td className="px-3 py-2">
                  <div className="flex flex-wrap gap-1">
                    {row.aliases.map((alias) => <span key={alias} className="rounded bg-muted px-1.5 py-0.5 font-mono text-xs">@{alias}</span>)}
                    {row.tags.map((tag) => <Badge key={tag.key}>{tag.value ? `${tag.key}=${tag.value}` : tag.key}</Badge>)}
                  </div>
                </td>
                <td className="px-3 py-2"><Badge tone={statusTone[row.status]}>{deleted ? 'deleted' : row.status.toLowerCase().replace(/_/g, ' ')}</Badge></td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
