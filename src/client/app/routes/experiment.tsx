import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { EmptyState } from '../../components/ui/empty-state';
import { PageHeader } from '../../components/ui/page-header';
import { ErrorState, Spinner } from '../../components/ui/query-state';
import { paths } from '../../config/paths';
import { ApiError } from '../../lib/api-client';
import { runsQueries } from '../../features/runs/api/runs.queries';
import { ExperimentRunsView } from '../../features/runs/components/experiment-runs-view';
import { MarkdownView } from '../../features/runs/components/markdown-view';

export function Component() {
  const { experimentId = '' } = useParams();
  const experiment = useQuery(runsQueries.experiment(experimentId));
  if (experiment.isPending) return <Spinner label="Loading experiment" />;
  if (experiment.isError) {
    if (experiment.error instanceof ApiError && (experiment.error.status === 404 || experiment.error.status === 400)) {
      return (
        <EmptyState title="Experiment not found">
          <p>No experiment has the id “{experimentId}”. It may have been deleted for good.</p>
          <Link to={paths.experiments.href()} className="font-medium text-primary hover:underline">Back to experiments</Link>
        </EmptyState>
      );
    }
    return <ErrorState error={experiment.error} onRetry={() => experiment.refetch()} />;
  }
  const { data } = experiment;
  return (
    <>
      <PageHeader
        title={data.name}
        description={
          <>
            <Link to={paths.experiments.href()} className="text-primary hover:underline">Experiments</Link>
            {` · ${data.runCount.toLocaleString('en-US')} runs · id ${data.experimentId}${data.lifecycleStage === 'deleted' ? ' · deleted' : ''}`}
          </>
        }
      />
      {data.description && <MarkdownView text={data.description} className="mb-4 rounded-md border border-border bg-surface p-3" />}
      <ExperimentRunsView experiment={data} />
    </>
  );
}
