import type { CanaryRecommendation } from '../../../../shared/contract/monitoring';
import { Badge } from '../../../components/ui/badge';

const decisionTone = { promote: 'success', wait: 'warning', rollback: 'danger' } as const;

/** The canary analysis verdict (promote, wait or roll back) with its reasons. */
export function CanaryRecommendationNote({ recommendation }: { recommendation: CanaryRecommendation }) {
  return (
    <div role="status" aria-label="Canary recommendation" className="rounded-md border border-border p-3 text-sm">
      <p className="flex items-center gap-2 font-medium">
        Recommendation <Badge tone={decisionTone[recommendation.decision]}>{recommendation.decision}</Badge>
        <span className="text-muted-foreground">analysis {recommendation.analysis}</span>
      </p>
      <ul className="mt-1 list-disc pl-5 text-muted-foreground">{recommendation.reasons.map((r) => <li key={r}>{r}</li>)}</ul>
    </div>
  );
}
