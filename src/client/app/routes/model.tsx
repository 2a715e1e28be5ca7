import { useInfiniteQuery, useQuery, useSuspenseQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { can } from '../../../shared/permissions';
import { Button } from '../../components/ui/button';
import { Card, CardHeader } from '../../components/ui/card';
import { PageHeader } from '../../components/ui/page-header';
import { ErrorState, Spinner } from '../../components/ui/query-state';
import { paths } from '../../config/paths';
import { EntityHistoryPanel } from '../../features/audit/components/entity-history-panel';
import { authQueries } from '../../features/auth/api/auth.queries';
import { LineageView } from '../../features/lineage/components/lineage-view';
import { modelsQueries } from '../../features/models/api/models.queries';
import { AliasesPanel } from '../../features/models/components/aliases-panel';
import { MarkdownDescription } from '../../features/models/components/markdown-description';
import { isNotFound, NotFoundPage } from '../../features/models/components/model-not-found';
import { TagsEditor } from '../../features/models/components/tags-editor';
import { VersionCompare } from '../../features/models/components/version-compare';
import { VersionsTable } from '../../features/models/components/versions-table';
import { formatDateTime } from '../../lib/format';

/** `?compare=1,2` → [1, 2]: the two versions shown side by side (and ticked). */
function parseCompare(value: string | null): number[] {
  const versions = (value ?? '').split(',').map(Number).filter((v) => Number.isInteger(v) && v > 0);
  return versions.slice(0, 2);
}

export function Component() {
  const { name = '' } = useParams();
  const [search, setSearch] = useSearchParams();
  const { data: session } = useSuspenseQuery(authQueries.me());
  const model = useQuery(modelsQueries.detail(name));
  const versions = useInfiniteQuery(modelsQueries.versions(name));
  const compared = parseCompare(search.get('compare'));
  const [selected, setSelected] = useState(compared);
  const compare = (pair: number[]) => setSearch(pair.length === 2 ? { compare: pair.join(',') } : {});
  const toggle = (version: number) => setSelected(selected.includes(version) ? selected.filter((v) => v !== version) : [...selected, version]);

  if (model.isPending) return <Spinner label="Loading the model" />;
  if (model.isError) {
    if (isNotFound(model.error)) return <NotFoundPage title="Model not found">There is no registered model named “{name}”.</NotFoundPage>;
    return <ErrorState error={model.error} onRetry={() => model.refetch()} />;
  }
  const canEdit = can(session.user.role, 'registry:write');
  const { data } = model;
  const rows = versions.data?.pages.flatMap((page) => page.items) ?? [];
  const deploymentOf = (environment: string) => data.serving.find((s) => s.environment === environment)?.deploymentId;
  const promotionHref = (environment: string) => {
    const id = deploymentOf(environment);
    return id ? paths.deployment.href(id) : paths.deployments.href();
  };

  return (
    <>
      <PageHeader
        title={data.name}
        description={
          <>
            <Link className="text-primary hover:underline" to={paths.models.href()}>All models</Link> · owner {data.owner ?? 'unknown'} · last change {formatDateTime(data.lastChangeAt)}
          </>
        }
      />
      <div className="space-y-6">
        <div className="grid gap-6 lg:grid-cols-3">
          <Card className="lg:col-span-2">
            <CardHeader title="About" />
            <div className="space-y-4 p-5">
              <MarkdownDescription target={{ name }} description={data.description} canEdit={canEdit} />
              <TagsEditor target={{ name }} tags={data.tags} canEdit={canEdit} />
            </div>
          </Card>
          <Card>
            <CardHeader title="Aliases and serving" />
            <div className="space-y-4 p-5">
              <AliasesPanel name={name} aliases={data.aliases} canEdit={canEdit} promotionHref={promotionHref} />
              <ul className="space-y-1 text-sm" aria-label="Serving">
                {data.serving.length === 0 && <li className="text-muted-foreground">Not deployed.</li>}
                {data.serving.map((s) => (
                  <li key={s.environment}>
                    <Link className="text-primary hover:underline" to={paths.deployment.href(s.deploymentId)}>{s.environment}</Link>: v{s.stableVersion}
                    {s.canaryVersion !== null && ` + canary v${s.canaryVersion} (${s.canaryWeight} %)`}
                  </li>
                ))}
              </ul>
            </div>
          </Card>
        </div>
        {compared.length === 2 && <VersionCompare name={name} a={compared[0] as number} b={compared[1] as number} onClose={() => compare([])} />}
        <Card>
          <CardHeader
            title={`Versions (${data.versionCount})`}
            description="Tick two versions to compare them side by side."
            actions={
              <Button size="sm" disabled={selected.length !== 2} onClick={() => compare(selected)}>
                {selected.length === 2 ? `Compare v${selected[0]} and v${selected[1]}` : 'Compare'}
              </Button>
            }
          />
          {versions.isPending ? (
            <Spinner label="Loading versions" />
          ) : versions.isError ? (
            <div className="p-5"><ErrorState error={versions.error} onRetry={() => versions.refetch()} /></div>
          ) : rows.length === 0 ? (
            <p className="px-5 py-6 text-sm text-muted-foreground">No versions yet: register one with mlflow.register_model(f"runs:/{'{run_id}'}/model", "{name}").</p>
          ) : (
            <>
              <VersionsTable versions={rows} selected={selected} onToggle={toggle} />
              {versions.hasNextPage && (
                <div className="border-t border-border px-5 py-3">
                  <Button variant="secondary" size="sm" disabled={versions.isFetchingNextPage} onClick={() => versions.fetchNextPage()}>Load older versions</Button>
                </div>
              )}
            </>
          )}
        </Card>
        <LineageView root={{ kind: 'model', id: name }} title="Lineage of all versions" />
        <EntityHistoryPanel entity={{ type: 'registered-model', id: name, related: true }} title="History" />
      </div>
    </>
  );
}
