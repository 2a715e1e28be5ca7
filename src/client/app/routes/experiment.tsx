import { type QueryClient, useQuery } from '@tanstack/react-query';
import { Link, type LoaderFunctionArgs, useParams } from 'react-router';
import { EmptyState } from '../../components/ui/empty-state';
import { PageHeader } from '../../components/ui/page-header';
import { ErrorState, Spinner } from '../../components/ui/query-state';
import { paths } from '../../config/paths';
import { ApiError } from '../../lib/api-client';
import { authQueries } from '../../features/auth/api/auth.queries';
import { runsQueries } from '../../features/runs/api/runs.queries';
import { ExperimentRunsView } from '../../features/runs/components/experiment-runs-view';
import { MarkdownView } from '../../features/runs/components/markdown-view';
import { readRunsView, toRunsQuery } from '../../features/runs/utils/runs-view-state';

/**
 * Starts the experiment, its keys and the first page of runs together (and alongside the session
 * check), instead of each waiting for the component that renders the one before. Does not wait:
 * the page shows its own loading and error states. Data already cached is not fetched again.
 */
export const loader =
  (queryClient: QueryClient) =>
  ({ params, request }: LoaderFunctionArgs) => {
    const experimentId = params.experimentId ?? '';
    const state = readRunsView(new URL(request.url).searchParams);
    const experiment = runsQueries.experiment(experimentId);
    const keys = runsQueries.keys(experimentId);
    const firstPage = runsQueries.page(toRunsQuery(experimentId, state), 0);
    if (!queryClient.getQueryData(experiment.queryKey)) void queryClient.prefetchQuery(experiment);
    if (!queryClient.getQueryData(keys.queryKey)) void queryClient.prefetchQuery(keys);
    // A search is a POST: it carries the CSRF token the session check returns, so it starts after that.
    if (!queryClient.getQueryData(firstPage.queryKey)) {
      void queryClient
        .ensureQueryData(authQueries.me())
        .then(() => queryClient.prefetchQuery(firstPage))
        .catch(() => undefined); // signed out: the layout's loader redirects
    }
    return null;
  };

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
