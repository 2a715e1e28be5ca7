import { useQuery } from '@tanstack/react-query';
import { Link, useSearchParams } from 'react-router';
import { chartColor } from '../../components/charts/chart-theme';
import { EmptyState } from '../../components/ui/empty-state';
import { Select } from '../../components/ui/field';
import { PageHeader } from '../../components/ui/page-header';
import { ErrorState, Spinner } from '../../components/ui/query-state';
import { paths } from '../../config/paths';
import { ApiError } from '../../lib/api-client';
import { runsQueries } from '../../features/runs/api/runs.queries';
import { ComparePlots } from '../../features/runs/components/compare-plots';
import { CompareTables } from '../../features/runs/components/compare-tables';
import { MetricCharts } from '../../features/runs/components/metric-charts';

export function Component() {
  const [search, setSearch] = useSearchParams();
  const runIds = [...new Set((search.get('runs') ?? '').split(',').filter(Boolean))].slice(0, 100);
  const picked = new Map(search.getAll('color').map((c) => c.split(':') as [string, string]));
  const differencesOnly = search.get('diff') === '1';
  const baseline = Math.min(Number(search.get('base') ?? 0) || 0, Math.max(runIds.length - 1, 0));
  const runs = useQuery({ ...runsQueries.runs(runIds), enabled: runIds.length >= 2 });
  // The charts' histories (by step, of the metrics the runs logged) load alongside the runs, not after.
  useQuery({ ...runsQueries.histories(runIds, undefined, 'step'), enabled: runIds.length >= 2 });
  const set = (key: string, value: string | null) =>
    setSearch((current) => {
      const next = new URLSearchParams(current);
      if (value === null) next.delete(key);
      else next.set(key, value);
      return next;
    }, { replace: true });

  const back = <Link to={paths.experiments.href()} className="font-medium text-primary hover:underline">Back to experiments</Link>;
  if (runIds.length < 2) return <EmptyState title="Choose runs to compare"><p>Select 2 to 100 runs in an experiment’s table, then press Compare.</p>{back}</EmptyState>;
  if (runs.isPending) return <Spinner label="Loading runs" />;
  if (runs.isError) {
    if (runs.error instanceof ApiError && (runs.error.status === 404 || runs.error.status === 400)) {
      return <EmptyState title="Run not found"><p>{`At least one of these runs does not exist: ${runs.error.message}`}</p>{back}</EmptyState>;
    }
    return <ErrorState error={runs.error} onRetry={() => runs.refetch()} />;
  }
  const details = runs.data;
  const colors = details.map((d, i) => chartColor(Number(picked.get(d.run.runId) ?? i)));
  const metricKeys = [...new Set(details.flatMap((d) => d.metrics.map((m) => m.key)))].sort();
  const paramKeys = [...new Set(details.flatMap((d) => d.params.map((p) => p.key)))].sort();
  const experimentId = details[0]!.run.experimentId;

  return (
    <>
      <PageHeader
        title={`Compare ${details.length} runs`}
        description={<Link to={paths.experiment.href(experimentId)} className="text-primary hover:underline">{details[0]!.experimentName || 'Experiment'}</Link>}
      />
      <div className="mb-4 flex flex-wrap items-center gap-4 text-sm">
        <label className="flex items-center gap-2">
          <input type="checkbox" checked={differencesOnly} onChange={(e) => set('diff', e.target.checked ? '1' : null)} /> Show differences only
        </label>
        <label className="flex items-center gap-2">
          Baseline
          <Select aria-label="Baseline run" className="h-8 w-56" value={baseline} onChange={(e) => set('base', e.target.value)}>
            {details.map((d, i) => <option key={d.run.runId} value={i}>{d.run.runName}</option>)}
          </Select>
        </label>
      </div>
      <div className="space-y-6">
        <CompareTables runs={details} colors={colors} differencesOnly={differencesOnly} baseline={baseline} />
        <ComparePlots runs={details} colors={colors} columns={[...paramKeys.map((key) => ({ kind: 'params' as const, key })), ...metricKeys.map((key) => ({ kind: 'metrics' as const, key }))]} />
        <MetricCharts runs={details.map((d, i) => ({ runId: d.run.runId, label: d.run.runName, color: colors[i]! }))} />
      </div>
    </>
  );
}
