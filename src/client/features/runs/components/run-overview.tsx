import { Link } from 'react-router';
import type { RunDetail } from '../../../../shared/contract/runs';
import { paths } from '../../../config/paths';
import { formatDateTime } from '../../../lib/format';
import { formatDuration, formatMetric } from '../utils/chart-data';
import { KeyValueTable } from './key-value-table';
import { MarkdownView } from './markdown-view';
import { RunStatusBadge } from './run-status-badge';

function Fact({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div>
      <dt className="text-xs text-muted-foreground">{label}</dt>
      <dd className="text-sm break-all">{children}</dd>
    </div>
  );
}

/** Overview, params, metrics, tags, dataset inputs and models of one run. */
export function RunOverview({ detail }: { detail: RunDetail }) {
  const { run } = detail;
  return (
    <div className="space-y-6">
      <dl className="grid grid-cols-2 gap-4 rounded-lg border border-border bg-surface p-4 md:grid-cols-4">
        <Fact label="Status"><RunStatusBadge status={run.status} /></Fact>
        <Fact label="Started">{formatDateTime(run.startTime)}</Fact>
        <Fact label="Ended">{run.endTime ? formatDateTime(run.endTime) : '—'}</Fact>
        <Fact label="Duration">{run.endTime ? formatDuration(Date.parse(run.endTime) - Date.parse(run.startTime)) : 'running'}</Fact>
        <Fact label="User">{run.userId}</Fact>
        <Fact label="Source">{run.source ?? '—'}</Fact>
        <Fact label="Git commit"><span className="font-mono">{run.gitCommit ?? '—'}</span></Fact>
        <Fact label="Run id"><span className="font-mono text-xs">{run.runId}</span></Fact>
        <Fact label="Parent run">{detail.parent ? <Link to={paths.run.href(detail.parent.runId)} className="text-primary hover:underline">{detail.parent.runName}</Link> : '—'}</Fact>
        <Fact label="Child runs">
          {detail.children.length === 0
            ? '—'
            : detail.children.map((c) => (
                <Link key={c.runId} to={paths.run.href(c.runId)} className="mr-2 text-primary hover:underline">{c.runName}</Link>
              ))}
        </Fact>
        <Fact label="Registered versions">
          {detail.registeredVersions.length === 0
            ? '—'
            : detail.registeredVersions.map((v) => (
                <Link key={`${v.name}/${v.version}`} to={paths.modelVersion.href(v.name, v.version)} className="mr-2 text-primary hover:underline">{`${v.name} v${v.version}`}</Link>
              ))}
        </Fact>
        <Fact label="Logged models">{detail.loggedModels.length === 0 ? '—' : detail.loggedModels.map((m) => <span key={m.modelId} className="mr-2">{`${m.name} (${m.direction})`}</span>)}</Fact>
      </dl>
      {detail.description && (
        <section aria-label="Description" className="rounded-lg border border-border bg-surface p-4">
          <MarkdownView text={detail.description} />
        </section>
      )}
      <div className="grid gap-6 lg:grid-cols-2">
        <KeyValueTable label="Parameters" rows={detail.params.map((p) => ({ key: p.key, value: p.value, text: p.value }))} />
        <KeyValueTable label="Metrics" rows={detail.metrics.map((m) => ({ key: m.key, value: formatMetric(m.value), text: String(m.value) }))} />
      </div>
      <KeyValueTable label="Tags" rows={detail.tags.filter((t) => t.key !== 'mlflow.note.content').map((t) => ({ key: t.key, value: t.value, text: t.value }))} />
      <section aria-label="Dataset inputs" className="space-y-2">
        <h2 className="text-base font-semibold">Datasets</h2>
        {detail.inputs.length === 0 && <p className="text-sm text-muted-foreground">No dataset inputs logged.</p>}
        {detail.inputs.map((input) => (
          <details key={`${input.name}@${input.digest}`} className="rounded-md border border-border bg-surface p-3 text-sm">
            <summary className="cursor-pointer">
              <span className="font-medium">{input.name}</span>
              <span className="ml-2 font-mono text-xs text-muted-foreground">{input.digest}</span>
              {input.tags.map((t) => (
                <span key={t.key} className="ml-2 rounded bg-muted px-1.5 text-xs">{`${t.key.replace('mlflow.data.', '')}: ${t.value}`}</span>
              ))}
            </summary>
            <p className="mt-2 text-xs text-muted-foreground">{`${input.sourceType}: ${input.source}`}</p>
            {input.schema && <pre className="mt-2 max-h-48 overflow-auto rounded bg-muted p-2 text-xs">{pretty(input.schema)}</pre>}
            {input.profile && <pre className="mt-2 max-h-48 overflow-auto rounded bg-muted p-2 text-xs">{pretty(input.profile)}</pre>}
          </details>
        ))}
      </section>
    </div>
  );
}

function pretty(json: string): string {
  try {
    return JSON.stringify(JSON.parse(json), null, 2);
  } catch {
    return json;
  }
}
