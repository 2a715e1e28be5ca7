import { useInfiniteQuery } from '@tanstack/react-query';
import { Boxes } from 'lucide-react';
import { useSearchParams } from 'react-router';
import { modelSortSchema } from '../../../shared/contract/models';
import { Button } from '../../components/ui/button';
import { Card } from '../../components/ui/card';
import { CodeBlock } from '../../components/ui/code-block';
import { EmptyState } from '../../components/ui/empty-state';
import { PageHeader } from '../../components/ui/page-header';
import { ErrorState, Spinner } from '../../components/ui/query-state';
import { type ModelFilters as Filters, modelsQueries } from '../../features/models/api/models.queries';
import { ModelFilters } from '../../features/models/components/model-filters';
import { ModelsTable } from '../../features/models/components/models-table';

export function Component() {
  const [search, setSearch] = useSearchParams();
  const sort = modelSortSchema.safeParse(search.get('sort'));
  const filters: Filters = { q: search.get('q') ?? undefined, tag: search.get('tag') ?? undefined, sort: sort.success ? sort.data : undefined };
  const models = useInfiniteQuery(modelsQueries.list(filters));
  const items = models.data?.pages.flatMap((page) => page.items) ?? [];
  const filtered = Boolean(filters.q || filters.tag);
  const apply = (next: Filters) => setSearch(Object.fromEntries(Object.entries(next).filter((entry): entry is [string, string] => Boolean(entry[1]))));

  return (
    <>
      <PageHeader title="Models" description="Registered models, their versions, what serves where and where each one came from." />
      <Card>
        <ModelFilters key={`${filters.q}|${filters.tag}`} filters={filters} onChange={apply} />
        {models.isPending ? (
          <Spinner label="Loading models" />
        ) : models.isError ? (
          <div className="p-5"><ErrorState error={models.error} onRetry={() => models.refetch()} /></div>
        ) : items.length === 0 ? (
          filtered ? (
            <p className="px-5 py-6 text-sm text-muted-foreground">No model matches this search.</p>
          ) : (
            <EmptyState title="No registered models yet" icon={<Boxes />}>
              <p>Register a model while logging it, or from an existing run:</p>
              <CodeBlock
                label="register a model"
                code={'mlflow.sklearn.log_model(model, name="model", registered_model_name="churn")\n# or\nmlflow.register_model(f"runs:/{run_id}/model", "churn")'}
              />
            </EmptyState>
          )
        ) : (
          <>
            <ModelsTable models={items} />
            {models.hasNextPage && (
              <div className="border-t border-border px-5 py-3">
                <Button variant="secondary" size="sm" disabled={models.isFetchingNextPage} onClick={() => models.fetchNextPage()}>Load more models</Button>
              </div>
            )}
          </>
        )}
      </Card>
    </>
  );
}
