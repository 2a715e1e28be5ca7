import { useQuery } from '@tanstack/react-query';
import { Spinner } from '../../../components/ui/query-state';
import { promotionsQueries, type PreviewInput } from '../api/promotions.queries';
import { GateResults } from './gate-results';

/** The gates the promotion would face, run as soon as model, version and environment are chosen. */
export function GatePreview({ input }: { input: PreviewInput | null }) {
  const preview = useQuery({ ...promotionsQueries.preview(input ?? { modelName: '', environment: '', version: 0 }), enabled: input !== null });
  if (!input) return <p className="text-sm text-muted-foreground">Choose a version and an environment to run the gates.</p>;
  if (preview.isPending) return <Spinner label="Running gates" />;
  if (preview.isError) return <p role="alert" className="text-sm text-danger">{preview.error.message}</p>;
  const { gates, requiredApprovals, approverRoles, servingVersion } = preview.data;
  const failed = gates.filter((g) => g.status === 'fail').length;
  return (
    <div className="space-y-2">
      <GateResults gates={gates} />
      <p className="text-xs text-muted-foreground">
        {servingVersion === null ? 'Nothing serves there yet. ' : `v${servingVersion} serves there now. `}
        {requiredApprovals === 0 ? 'No approval needed.' : `Needs ${requiredApprovals} approval${requiredApprovals === 1 ? '' : 's'} from ${approverRoles.join(' or ')}, not you.`}
        {failed > 0 && <span className="text-danger"> {failed} gate{failed === 1 ? '' : 's'} failing: the request would be recorded as failed.</span>}
      </p>
    </div>
  );
}
