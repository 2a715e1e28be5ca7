import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { EmptyState } from '../../components/ui/empty-state';
import { PageHeader } from '../../components/ui/page-header';
import { ErrorState, Spinner } from '../../components/ui/query-state';
import { paths } from '../../config/paths';
import { lineageQueries } from '../../features/lineage/api/lineage.queries';
import { DatasetUsage } from '../../features/lineage/components/dataset-usage';
import { LineageView } from '../../features/lineage/components/lineage-view';
import { ApiError } from '../../lib/api-client';

export function Component() {
  const { digest = '' } = useParams();
  const dataset = useQuery(lineageQueries.dataset(digest));
  if (dataset.isPending) return <Spinner label="Loading the dataset" />;
  if (dataset.isError) {
    if (dataset.error instanceof ApiError && dataset.error.status === 404) {
      return (
        <EmptyState title="Dataset not found">
          <p>No run logged a dataset with digest “{digest}”.</p>
          <Link to={paths.models.href()} className="font-medium text-primary hover:underline">All models</Link>
        </EmptyState>
      );
    }
    return <ErrorState error={dataset.error} onRetry={() => dataset.refetch()} />;
  }
  const names = [...new Set(dataset.data.entries.map((entry) => entry.name))];
  return (
    <>
      <PageHeader title={`Dataset ${names.join(', ')}`} description={<>digest <code className="text-xs">{digest}</code></>} />
      <div className="space-y-6">
        <DatasetUsage dataset={dataset.data} />
        <LineageView root={{ kind: 'dataset', id: digest }} title="Downstream" description="Runs that used this dataset, what they produced and where it serves." defaultDepth={4} />
      </div>
    </>
  );
}
