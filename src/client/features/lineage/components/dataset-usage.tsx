import { Link } from 'react-router';
import type { DatasetPage } from '../../../../shared/contract/lineage';
import { Badge } from '../../../components/ui/badge';
import { Card, CardHeader } from '../../../components/ui/card';
import { paths } from '../../../config/paths';
import { formatDateTime } from '../../../lib/format';

/** A dataset digest: how it was logged, the runs that used it and the versions made from them. */
export function DatasetUsage({ dataset }: { dataset: DatasetPage }) {
  return (
    <div className="grid gap-6 lg:grid-cols-3">
      <Card className="lg:col-span-2">
        <CardHeader title={`Runs (${dataset.runs.length}${dataset.truncated ? '+' : ''})`} description="Runs that logged this digest as an input, newest first." />
        <table className="w-full text-sm">
          <thead className="text-left text-xs text-muted-foreground uppercase">
            <tr><th className="px-5 py-2 font-medium">Run</th><th className="px-5 py-2 font-medium">Context</th><th className="px-5 py-2 font-medium">By</th><th className="px-5 py-2 font-medium">Started</th></tr>
          </thead>
          <tbody>
            {dataset.runs.map((run) => (
              <tr key={`${run.runId}-${run.context}`} className="border-t border-border">
                <td className="px-5 py-2">
                  <Link className={`text-primary hover:underline ${run.deleted ? 'line-through' : ''}`} to={paths.run.href(run.runId)}>{run.runName || run.runId.slice(0, 8)}</Link>
                  {run.deleted && <Badge tone="danger" className="ml-1">deleted</Badge>}
                </td>
                <td className="px-5 py-2">{run.context ?? '—'}</td>
                <td className="px-5 py-2 text-muted-foreground">{run.userId}</td>
                <td className="px-5 py-2 text-muted-foreground">{formatDateTime(run.startTime)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </Card>
      <div className="space-y-6">
        <Card>
          <CardHeader title="Model versions" description="Registered from those runs." />
          <ul className="space-y-1 px-5 py-3 text-sm">
            {dataset.versions.length === 0 && <li className="text-muted-foreground">None yet.</li>}
            {dataset.versions.map((v) => (
              <li key={`${v.name}-${v.version}`}>
                <Link className={`text-primary hover:underline ${v.deleted ? 'line-through' : ''}`} to={paths.modelVersion.href(v.name, v.version)}>{v.name} v{v.version}</Link>
                {v.deleted && <span className="ml-1 text-xs text-danger">deleted</span>}
              </li>
            ))}
          </ul>
        </Card>
        <Card>
          <CardHeader title="Logged as" />
          <dl className="space-y-2 px-5 py-3 text-sm">
            {dataset.entries.map((entry) => (
              <div key={`${entry.experimentId}-${entry.name}`}>
                <dt className="font-medium">{entry.name} <span className="text-xs text-muted-foreground">({entry.sourceType}, experiment {entry.experimentId})</span></dt>
                <dd className="truncate font-mono text-xs text-muted-foreground" title={entry.source}>{entry.source}</dd>
              </div>
            ))}
          </dl>
        </Card>
      </div>
    </div>
  );
}
