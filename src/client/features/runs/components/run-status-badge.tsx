import type { RunStatus } from '../../../../shared/contract/runs';
import { Badge } from '../../../components/ui/badge';

const tones = { FINISHED: 'success', FAILED: 'danger', KILLED: 'warning', RUNNING: 'info', SCHEDULED: 'neutral' } as const;

export function RunStatusBadge({ status }: { status: RunStatus }) {
  return <Badge tone={tones[status]}>{status.toLowerCase()}</Badge>;
}
