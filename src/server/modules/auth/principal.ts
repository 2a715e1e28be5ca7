import type { Role } from '../../../shared/permissions';
import type { SessionInfo } from '../../../shared/contract/auth';
import type { AuditContext } from '../audit/audit.service';
import type { UserRow } from './auth.tables';
import { toUser } from './users.repository';

export type AuthMethod = SessionInfo['via'];

/** The authenticated caller of a request. */
export interface Principal {
  user: UserRow;
  role: Role;
  via: AuthMethod;
  sessionId: string | null;
  tokenId: number | null;
  /** Required as X-CSRF-Token on mutations for ambient credentials (session cookie, SSO proxy). */
  csrfToken: string | null;
}

export function toSessionInfo(principal: Principal): SessionInfo {
  return { user: toUser(principal.user), via: principal.via, csrfToken: principal.csrfToken };
}

/** How the actor appears in the audit trail, e.g. `token:12` names the token used. */
export function auditContextFor(principal: Principal | null, request: { id: string; ip: string }): AuditContext {
  if (!principal) return { actor: { id: null, name: 'anonymous', via: 'none' }, requestId: request.id, clientIp: request.ip };
  const via = principal.tokenId === null ? principal.via : `${principal.via}:${principal.tokenId}`;
  return {
    actor: { id: principal.user.id, name: principal.user.username, via },
    requestId: request.id,
    clientIp: request.ip,
  };
}
