import { useQuery } from '@tanstack/react-query';
import { lazy, Suspense } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { chartColor } from '../../components/charts/chart-theme';
import { cn } from '../../components/ui/cn';
import { EmptyState } from '../../components/ui/empty-state';
import { PageHeader } from '../../components/ui/page-header';
import { ErrorState, Spinner } from '../../components/ui/query-state';
import { paths } from '../../config/paths';
import { ApiError } from '../../lib/api-client';
import { runsQueries } from '../../features/runs/api/runs.queries';
import { RunOverview } from '../../features/runs/components/run-overview';

// Charts (Recharts) and previews (YAML, CSV parsers) load when their tab opens: the overview stays light.
const MetricCharts = lazy(() => import('../../features/runs/components/metric-charts').then((m) => ({ default: m.MetricCharts })));
const ArtifactBrowser = lazy(() => import('../../features/runs/components/artifact-browser').then((m) => ({ default: m.ArtifactBrowser })));

const tabs = [
  { id: 'overview', label: 'Overview' },
  { id: 'charts', label: 'Metric charts' },
  { id: 'artifacts', label: 'Artifacts' },
] as const;

export function Component() {
  const { runId = '' } = useParams();
  const [search, setSearch] = useSearchParams();
  const tab = tabs.find((t) => t.id === search.get('tab'))?.id ?? 'overview';
  const detail = useQuery(runsQueries.run(runId));
  if (detail.isPending) return <Spinner label="Loading run" />;
  if (detail.isError) {
    if (detail.error instanceof ApiError && (detail.error.status === 404 || detail.error.status === 400)) {
      return (
        <EmptyState title="Run not found">
          <p>No run has the id “{runId}”. It may have been deleted for good.</p>
          <Link to={paths.experiments.href()} className="font-medium text-primary hover:underline">Back to experiments</Link>
        </EmptyState>
      );
    }
    return <ErrorState error={detail.error} onRetry={() => detail.refetch()} />;
  }
  const { run } = detail.data;
  const go = (next: Record<string, string>) => setSearch(new URLSearchParams(next), { replace: true });
  return (
    <>
      <PageHeader
        title={run.runName || run.runId}
        description={
          <>
            <Link to={paths.experiment.href(run.experimentId)} className="text-primary hover:underline">{detail.data.experimentName || `Experiment ${run.experimentId}`}</Link>
            {run.lifecycleStage === 'deleted' && ' · deleted'}
          </>
        }
      />
      <div role="tablist" aria-label="Run sections" className="mb-4 flex gap-1 border-b border-border">
        {tabs.map((t) => (
          <button
            key={t.id}
            type="button"
            role="tab"
            aria-selected={tab === t.id}
            onClick={() => go({ tab: t.id })}
            className={cn('-mb-px border-b-2 px-3 py-2 text-sm', tab === t.id ? 'border-primary font-medium text-foreground' : 'border-transparent text-muted-foreground hover:text-foreground')}
          >
            {t.label}
          </button>
        ))}
      </div>
      {tab === 'overview' && <RunOverview detail={detail.data} />}
      <Suspense fallback={<Spinner label="Loading" />}>
      {tab === 'charts' && <MetricCharts runs={[{ runId: run.runId, label: run.runName, color: chartColor(0) }]} metrics={detail.data.metrics.map((m) => m.key).slice(0, 20)} />}
      {tab === 'artifacts' && <ArtifactBrowser runId={run.runId} path={search.get('path') ?? ''} onPath={(path) => go({ tab: 'artifacts', ...(path && { path }) })} />}
      </Suspense>
    </>
  );
}
