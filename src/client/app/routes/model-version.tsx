import { useQuery, useQueryClient, useSuspenseQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { can } from '../../../shared/permissions';
import { Badge } from '../../components/ui/badge';
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
import { MonitoringSummary } from '../../features/models/components/monitoring-summary';
import { SignatureTable } from '../../features/models/components/signature-table';
import { TagsEditor } from '../../features/models/components/tags-editor';
import { VersionFacts } from '../../features/models/components/version-facts';
import { PromoteDialog } from '../../features/promotions/components/promote-dialog';

export function Component() {
  const { name = '', version: versionText = '' } = useParams();
  const version = Number(versionText);
  const valid = Number.isInteger(version) && version > 0;
  const { data: session } = useSuspenseQuery(authQueries.me());
  const detail = useQuery({ ...modelsQueries.version(name, version), enabled: valid });
  const queryClient = useQueryClient();
  const [promoting, setPromoting] = useState(false);

  if (!valid || (detail.isError && isNotFound(detail.error))) {
    return <NotFoundPage title="Version not found">“{name}” has no version {versionText}.</NotFoundPage>;
  }
  if (detail.isPending) return <Spinner label="Loading the version" />;
  if (detail.isError) return <ErrorState error={detail.error} onRetry={() => detail.refetch()} />;

  const data = detail.data;
  const role = session.user.role;
  const deleted = data.status === 'DELETED';
  const canEdit = can(role, 'registry:write') && !deleted;
  const promotionHref = (environment: string) => {
    const serving = data.serving.find((s) => s.environment === environment);
    return serving ? paths.deployment.href(serving.deploymentId) : paths.deployments.href();
  };
  return (
    <>
      <PageHeader
        title={`${name} v${version}`}
        description={
          <>
            <Link className="text-primary hover:underline" to={paths.model.href(name)}>{name}</Link> ·{' '}
            {deleted ? <Badge tone="danger">deleted</Badge> : <Badge tone={data.status === 'READY' ? 'success' : 'warning'}>{data.status.toLowerCase().replace(/_/g, ' ')}</Badge>}{' '}
            {data.serving.map((s) => (
              <Badge key={`${s.environment}-${s.role}`} tone="info">{s.role === 'canary' ? `canary in ${s.environment} (${s.canaryWeight} %)` : `serving in ${s.environment}`}</Badge>
            ))}
          </>
        }
        actions={can(role, 'promotions:request') && !deleted && <Button onClick={() => setPromoting(true)}>Promote this version</Button>}
      />
      <div className="space-y-6">
        <div className="grid gap-6 lg:grid-cols-3">
          <Card className="lg:col-span-2">
            <CardHeader title="Where it came from" />
            <VersionFacts version={data} />
          </Card>
          <Card>
            <CardHeader title="About" />
            <div className="space-y-4 p-5">
              <MarkdownDescription target={{ name, version }} description={data.description} canEdit={canEdit} />
              <TagsEditor target={{ name, version }} tags={data.tags} canEdit={canEdit} />
              <AliasesPanel name={name} version={version} aliases={data.modelAliases.filter((a) => a.version === version)} canEdit={canEdit} promotionHref={promotionHref} />
            </div>
          </Card>
        </div>
        <Card>
          <CardHeader title="Signature" description="What the model takes and returns, from its MLmodel file." />
          <SignatureTable signature={data.signature} />
        </Card>
        <LineageView root={{ kind: 'model-version', id: name, version }} />
        <Card>
          <CardHeader title="Monitoring" description="Live traffic and drift over the last 24 hours, across deployments." />
          <MonitoringSummary name={name} version={version} />
        </Card>
        <EntityHistoryPanel entity={{ type: 'model-version', id: `${name}/${version}` }} title="History" />
      </div>
      <PromoteDialog
        open={promoting}
        onClose={() => setPromoting(false)}
        modelName={name}
        version={version}
        onRequested={() => void queryClient.invalidateQueries({ queryKey: modelsQueries.all() })}
      />
    </>
  );
}
