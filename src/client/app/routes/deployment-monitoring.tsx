import { useQuery } from '@tanstack/react-query';
import { Link, useParams, useSearchParams } from 'react-router';
import { Button } from '../../components/ui/button';
import { Card, CardHeader } from '../../components/ui/card';
import { EmptyState } from '../../components/ui/empty-state';
import { PageHeader } from '../../components/ui/page-header';
import { ErrorState, Spinner } from '../../components/ui/query-state';
import { paths } from '../../config/paths';
import { monitoringQueries } from '../../features/monitoring/api/monitoring.queries';
import { AlertsList } from '../../features/monitoring/components/alerts-list';
import { CanaryPanel } from '../../features/monitoring/components/canary-panel';
import { DriftHeatmap } from '../../features/monitoring/components/drift-heatmap';
import { FeatureDrilldown } from '../../features/monitoring/components/feature-drilldown';
import { LatencyPanel } from '../../features/monitoring/components/latency-panel';
import { ReferenceUpload } from '../../features/monitoring/components/reference-upload';
import { TimeRangePicker } from '../../features/monitoring/components/time-range-picker';
import { versionMarkers } from '../../features/monitoring/utils/chart-data';
import { resolveRange, timeFormatter } from '../../features/monitoring/utils/time-range';

const alertHrefs = { deployment: paths.deployment.href, monitoring: paths.deploymentMonitoring.href };
const resolutionMinutes = { '1m': 1, '5m': 5, '15m': 15, '1h': 60, '6h': 360, '1d': 1440 } as const;
const resolutionParam = (value: string | null) => (value && value in resolutionMinutes ? (value as keyof typeof resolutionMinutes) : undefined);

/** The monitoring page of one deployment; range, version, feature and view live in the URL. */
export function Component() {
  const { deploymentId = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const range = resolveRange(params);
  const formatTime = timeFormatter(range.from, range.to);
  const version = params.get('version') ?? undefined;
  const feature = params.get('feature');
  const sideBySide = params.get('view') === 'canary';
  const update = (changes: Record<string, string | null>) =>
    setParams((current) => {
      const next = new URLSearchParams(current);
      for (const [key, value] of Object.entries(changes)) {
        if (value === null) next.delete(key);
        else next.set(key, value);
      }
      return next;
    });
  const zoom = (from: number, to: number) => update({ from: new Date(from).toISOString(), to: new Date(to).toISOString(), range: null });
  const resolution = resolutionParam(params.get('resolution'));
  const windowQuery = { from: range.from, to: range.to, ...(version && { version }), ...(resolution && { resolution }) };

  const deployment = useQuery(monitoringQueries.deployment(deploymentId));
  const drift = useQuery(monitoringQueries.drift(deploymentId, windowQuery, range.live));
  const latency = useQuery(monitoringQueries.latency(deploymentId, windowQuery, range.live));
  const alerts = useQuery(monitoringQueries.alerts({ status: 'open', deploymentId }));
  const d = deployment.data;
  const canaryQuery = { from: range.from, to: range.to };
  const canary = useQuery({ ...monitoringQueries.canary(deploymentId, canaryQuery, range.live), enabled: sideBySide && Boolean(d?.canaryVersion) });
  const stableLatency = useQuery({ ...monitoringQueries.latency(deploymentId, { ...canaryQuery, version: d?.stableVersion ?? undefined }, range.live), enabled: sideBySide && Boolean(d?.stableVersion) });
  const canaryLatency = useQuery({ ...monitoringQueries.latency(deploymentId, { ...canaryQuery, version: d?.canaryVersion ?? undefined }, range.live), enabled: sideBySide && Boolean(d?.canaryVersion) });

  if (deployment.isPending) return <Spinner label="Loading deployment" />;
  if (deployment.isError) return <ErrorState error={deployment.error} onRetry={() => deployment.refetch()} />;
  const markers = versionMarkers(deployment.data.markers, range.from, range.to);
  const shownVersion = drift.data?.version ?? version ?? deployment.data.stableVersion;

  return (
    <>
      <PageHeader
        title={`${deployment.data.modelName} · ${deployment.data.environment}`}
        description={`Serving v${deployment.data.stableVersion ?? '–'}${deployment.data.canaryVersion ? ` with canary v${deployment.data.canaryVersion} at ${deployment.data.canaryWeight} %` : ''}.`}
        actions={<Link className="text-sm font-medium text-primary hover:underline" to={paths.deployment.href(deploymentId)}>Deployment and rollback</Link>}
      />
      <div className="mb-4 flex flex-wrap items-center justify-between gap-3">
        <TimeRangePicker preset={range.preset} onPreset={(key) => update({ range: key, from: null, to: null })} />
        <div role="group" aria-label="Version" className="flex flex-wrap gap-1">
          {deployment.data.versions.map((v) => (
            <Button key={v.version} size="sm" variant={shownVersion === v.version && !sideBySide ? 'primary' : 'secondary'} onClick={() => update({ version: v.version, view: null })}>
              v{v.version} ({v.role})
            </Button>
          ))}
          {deployment.data.canaryVersion && (
            <Button size="sm" variant={sideBySide ? 'primary' : 'secondary'} aria-pressed={sideBySide} onClick={() => update({ view: sideBySide ? null : 'canary' })}>
              Canary vs stable
            </Button>
          )}
        </div>
      </div>

      <div className="space-y-6">
        <Card>
          <CardHeader title="Alerts" />
          {alerts.isSuccess ? <AlertsList alerts={alerts.data.items} hrefs={alertHrefs} showDeployment={false} /> : <Spinner label="Loading alerts" />}
        </Card>

        {sideBySide && (
          <Card>
            <CardHeader title="Canary versus stable" description="Argo/Flagger semantics: Successful → promote, Inconclusive → wait, Failed → roll back." />
            {canary.isSuccess && stableLatency.isSuccess && canaryLatency.isSuccess ? (
              <CanaryPanel {...canary.data} stableWindows={stableLatency.data.windows} canaryWindows={canaryLatency.data.windows} formatTime={formatTime} />
            ) : canary.isError ? (
              <div className="p-5"><ErrorState error={canary.error} /></div>
            ) : (
              <Spinner label="Comparing canary and stable" />
            )}
          </Card>
        )}

        <Card>
          <CardHeader title={`Data drift${shownVersion ? ` · v${shownVersion}` : ''}`} description="Each cell: a feature in one window, coloured by its drift score relative to the threshold. Select a feature for its distributions." />
          <div className="border-b border-border px-5 py-3">
            {deployment.data.versions.filter((v) => v.role !== 'previous').map((v) => <ReferenceUpload key={v.version} modelName={deployment.data.modelName} version={v.version} />)}
          </div>
          {drift.isPending ? (
            <Spinner label="Loading drift" />
          ) : drift.isError ? (
            <div className="p-5"><ErrorState error={drift.error} onRetry={() => drift.refetch()} /></div>
          ) : drift.data.features.length === 0 ? (
            <div className="p-5"><EmptyState title="No reference profile for this version"><p>Upload the training data (CSV or Parquet) above to compare live data with it.</p></EmptyState></div>
          ) : drift.data.windows.length === 0 ? (
            <p className="p-5 text-sm text-muted-foreground">No events in this range.</p>
          ) : (
            <div className="p-5">
              <DriftHeatmap features={drift.data.features} windows={drift.data.windows} selected={feature} onSelect={(f) => update({ feature: f })} formatTime={formatTime} />
            </div>
          )}
          {feature && drift.isSuccess && (
            <div className="border-t border-border">
              <FeatureDrilldown deploymentId={deploymentId} feature={feature} windows={drift.data.windows} range={{ from: range.from, to: range.to }} version={version} formatTime={formatTime} />
            </div>
          )}
        </Card>

        <Card>
          <CardHeader title={`Latency, throughput and errors${version ? ` · v${version}` : ' · all versions'}`} description="Percentiles from merged DDSketches (±1 %). Drag across a chart to zoom." />
          {latency.isPending ? (
            <Spinner label="Loading latency" />
          ) : latency.isError ? (
            <div className="p-5"><ErrorState error={latency.error} onRetry={() => latency.refetch()} /></div>
          ) : (
            <LatencyPanel windows={latency.data.windows} resolutionMinutes={resolutionMinutes[latency.data.resolution]} markers={markers} formatTime={formatTime} onZoom={zoom} title={version ? `v${version}` : 'All versions'} />
          )}
        </Card>
      </div>
    </>
  );
}
