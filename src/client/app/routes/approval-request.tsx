import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { Card, CardHeader } from '../../components/ui/card';
import { PageHeader } from '../../components/ui/page-header';
import { ErrorState, Spinner } from '../../components/ui/query-state';
import { paths } from '../../config/paths';
import { formatDateTime } from '../../lib/format';
import { deploymentsQueries } from '../../features/deployments/api/deployments.queries';
import { promotionsQueries } from '../../features/promotions/api/promotions.queries';
import { CommentsPanel } from '../../features/promotions/components/comments-panel';
import { DecisionsList } from '../../features/promotions/components/decisions-list';
import { GateResults } from '../../features/promotions/components/gate-results';
import { RequestActions } from '../../features/promotions/components/request-actions';
import { RequestOverview } from '../../features/promotions/components/request-overview';
import { RequestStateBadge } from '../../features/promotions/components/request-state-badge';
import { RequestTimeline } from '../../features/promotions/components/request-timeline';
import { VersionDiff } from '../../features/promotions/components/version-diff';
import { describeRequest } from '../../features/promotions/utils/describe-request';

export function Component() {
  const { requestId = '' } = useParams();
  const detail = useQuery(promotionsQueries.detail(requestId));
  const queryClient = useQueryClient();
  if (detail.isPending) return <Spinner label="Loading the request" />;
  if (detail.isError) return <ErrorState error={detail.error} onRetry={() => detail.refetch()} />;
  const { request } = detail.data;
  return (
    <>
      <PageHeader
        title={`Request #${request.id}: ${request.modelName}`}
        description={
          <>
            {describeRequest(request)} · <RequestStateBadge state={request.state} /> ·{' '}
            <Link className="text-primary hover:underline" to={paths.deployment.href(request.deploymentId)}>deployment</Link>
          </>
        }
      />
      <div className="grid gap-6 lg:grid-cols-[2fr_1fr]">
        <div className="space-y-6">
          <Card>
            <CardHeader title="Request" />
            <RequestOverview detail={detail.data} />
            <RequestActions detail={detail.data} onChanged={() => queryClient.invalidateQueries({ queryKey: deploymentsQueries.all() })} />
          </Card>
          <Card>
            <CardHeader title="Gates" description={`Checked ${formatDateTime(detail.data.gatesCheckedAt)}; checked again just before apply.`} />
            <div className="p-5"><GateResults gates={detail.data.gates} /></div>
          </Card>
          <Card>
            <CardHeader title="Compared with what serves now" />
            <VersionDiff comparison={detail.data.comparison} />
          </Card>
        </div>
        <div className="space-y-6">
          <Card>
            <CardHeader title="Approvals" />
            <DecisionsList decisions={detail.data.decisions} />
          </Card>
          <Card>
            <CardHeader title="Comments" />
            <CommentsPanel detail={detail.data} />
          </Card>
          <Card>
            <CardHeader title="Timeline" />
            <RequestTimeline events={detail.data.events} />
          </Card>
        </div>
      </div>
    </>
  );
}
