import type { AuditEvent } from '../../../../shared/contract/audit';
import { describeVia } from '../utils/actor-via';

/** Who acted, and through what: session, which API token, SSO, the CLI. */
export function ActorLabel({ actor }: { actor: AuditEvent['actor'] }) {
  return (
    <span>
      <span className="font-medium">{actor.name}</span>
      <span className="block text-xs text-muted-foreground">via {describeVia(actor.via)}</span>
    </span>
  );
}
