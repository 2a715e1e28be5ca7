import type { PromotionRequest } from '../../../../shared/contract/promotions';
import { Badge } from '../../../components/ui/badge';

const tones = {
  pending: 'warning',
  approved: 'info',
  applied: 'success',
  rejected: 'danger',
  failed: 'danger',
  cancelled: 'neutral',
  expired: 'neutral',
} as const;

export function RequestStateBadge({ state }: { state: PromotionRequest['state'] }) {
  return <Badge tone={tones[state]}>{state}</Badge>;
}
