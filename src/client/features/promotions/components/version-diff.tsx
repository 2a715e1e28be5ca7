import type { RequestDetail } from '../../../../shared/contract/promotions';
import { cn } from '../../../components/ui/cn';
import { diffVersions, type DiffRow } from '../utils/version-diff';

function DiffTable({ title, rows, candidate, serving }: { title: string; rows: DiffRow[]; candidate: string; serving: string | null }) {
  if (rows.length === 0) return null;
  return (
    <table className="w-full text-sm" aria-label={title}>
      <thead className="text-left text-xs text-muted-foreground uppercase">
        <tr>
          <th className="px-5 py-2 font-medium">{title}</th>
          <th className="px-5 py-2 font-medium">{candidate}</th>
          {serving && <th className="px-5 py-2 font-medium">{serving}</th>}
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.key} className={cn('border-t border-border', row.changed && 'bg-warning/5')}>
            <td className="px-5 py-1.5 font-mono text-xs">{row.key}</td>
            <td className="max-w-xs truncate px-5 py-1.5 font-mono text-xs" title={row.candidate ?? ''}>
              {row.candidate ?? '—'}
              {row.delta !== null && row.delta !== 0 && (
                <span className={cn('ml-2', row.delta > 0 ? 'text-success' : 'text-danger')}>
                  ({row.delta > 0 ? '+' : ''}
                  {row.delta})
                </span>
              )}
            </td>
            {serving && <td className="max-w-xs truncate px-5 py-1.5 font-mono text-xs text-muted-foreground" title={row.serving ?? ''}>{row.serving ?? '—'}</td>}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** The requested version against the one serving now: metrics, params, signature, datasets. */
export function VersionDiff({ comparison }: { comparison: RequestDetail['comparison'] }) {
  const { candidate, serving } = comparison;
  if (!candidate) return <p className="p-5 text-sm text-muted-foreground">The version’s details are not available.</p>;
  const diff = diffVersions(candidate, serving);
  const labels = { candidate: `v${candidate.version} (requested)`, serving: serving ? `v${serving.version} (serving)` : null };
  return (
    <div className="divide-y divide-border">
      <DiffTable title="Metrics" rows={diff.metrics} {...labels} />
      <DiffTable title="Params" rows={diff.params} {...labels} />
      <DiffTable title="Signature" rows={diff.signature} {...labels} />
      <DiffTable title="Datasets" rows={diff.datasets} {...labels} />
    </div>
  );
}
