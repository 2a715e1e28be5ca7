import { Link } from 'react-router';
import type { VersionDetail } from '../../../../shared/contract/models';
import { paths } from '../../../config/paths';
import { formatDateTime } from '../../../lib/format';
import { formatMetric } from '../utils/key-metrics';

const bytes = (size: number) => (size >= 1e6 ? `${(size / 1e6).toFixed(1)} MB` : size >= 1e3 ? `${(size / 1e3).toFixed(1)} kB` : `${size} B`);

function Row({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div className="grid grid-cols-3 gap-2 py-1">
      <dt className="text-muted-foreground">{label}</dt>
      <dd className="col-span-2 min-w-0 break-words">{children}</dd>
    </div>
  );
}

/** Where a version came from and what it is: source run, datasets, metrics, flavors, input example, size. */
export function VersionFacts({ version }: { version: VersionDetail }) {
  return (
    <dl className="px-5 py-3 text-sm">
      <Row label="Source run">{version.runId ? <Link className="text-primary hover:underline" to={paths.run.href(version.runId)}>{version.runName ?? version.runId}</Link> : '—'}</Row>
      <Row label="Registered">{version.registeredBy ?? 'unknown'}, {formatDateTime(version.createdAt)}</Row>
      <Row label="Datasets">
        {version.datasets.length === 0 ? '—' : version.datasets.map((d) => (
          <div key={`${d.name}-${d.digest}-${d.context}`}>
            <Link className="text-primary hover:underline" to={paths.dataset.href(d.digest)}>{d.name}</Link>
            <span className="text-xs text-muted-foreground"> {d.context ?? ''} · {d.digest.slice(0, 8)}</span>
          </div>
        ))}
      </Row>
      <Row label="Metrics">{version.metrics.length === 0 ? '—' : version.metrics.map((m) => `${m.key} ${formatMetric(m.value)}`).join(' · ')}</Row>
      <Row label="Flavors">
        {version.flavors.length === 0 ? '—' : version.flavors.map((flavor) => (
          <details key={flavor.name}>
            <summary className="cursor-pointer font-mono text-xs">{flavor.name}</summary>
            <ul className="ml-4 text-xs text-muted-foreground">{flavor.details.map((d) => <li key={d.key}>{d.key}: {d.value}</li>)}</ul>
          </details>
        ))}
      </Row>
      <Row label="Input example">{version.inputExample ? version.inputExample.map((d) => `${d.key}: ${d.value}`).join(' · ') : 'none logged'}</Row>
      <Row label="Size">{version.sizeBytes === null ? '—' : bytes(version.sizeBytes)}{version.mlflowVersion && ` · MLflow ${version.mlflowVersion}`}</Row>
      <Row label="Source"><code className="text-xs">{version.source}</code></Row>
    </dl>
  );
}
