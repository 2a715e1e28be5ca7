import { randomBytes } from 'node:crypto';
import type { DatabaseHandle } from '../../db/database';
import { inTransaction } from '../../db/transaction';
import { unauthenticated } from '../../errors';
import { appendAudit, type AuditContext } from '../audit/audit.service';
import type { Authenticator } from './authenticate.service';
import { verifyPassword } from './passwords';
import type { Principal } from './principal';
import { newSessionSecret, sha256Hex } from './secret-tokens';
import { deleteSession, insertSession } from './sessions.repository';
import { findUserByUsername, updateUserRow } from './users.repository';

/** Checks a password and opens a session; returns the cookie value and the signed-in principal. */
export async function signIn(
  database: DatabaseHandle,
  authenticator: Authenticator,
  input: { username: string; password: string },
  context: AuditContext & { clientIp: string },
): Promise<{ sessionSecret: string; principal: Principal; expiresAt: number }> {
  const username = input.username.trim().toLowerCase();
  authenticator.limiter.check(context.clientIp, username);
  const user = await findUserByUsername(database.db, username);
  if (!user || !(await verifyPassword(input.password, user.password_hash))) {
    await authenticator.recordFailure(context, username, 'bad-credentials');
    throw unauthenticated('Wrong username or password');
  }
  if (user.disabled === 1) {
    await authenticator.recordFailure(context, username, 'account-disabled');
    throw unauthenticated('This account is disabled; ask an administrator');
  }
  authenticator.limiter.succeed(context.clientIp, username);

  const sessionSecret = newSessionSecret();
  const sessionId = sha256Hex(sessionSecret);
  const csrfToken = randomBytes(24).toString('base64url');
  const expiresAt = Date.now() + authenticator.sessionHours * 3600 * 1000;
  const updated = await inTransaction(database, async (tx) => {
    await insertSession(tx, { id: sessionId, userId: user.id, csrfToken, expiresAt });
    const row = await updateUserRow(tx, user.id, { last_sign_in_at: Date.now() });
    await appendAudit(tx, { ...context, actor: { id: user.id, name: user.username, via: 'session' } }, {
      action: 'auth.signed-in',
      entityType: 'user',
      entityId: String(user.id),
    });
    return row;
  });
  return {
    sessionSecret,
    expiresAt,
    principal: { user: updated, role: updated.role as Principal['role'], via: 'session', sessionId, tokenId: null, csrfToken },
  };
}

export async function signOut(database: DatabaseHandle, sessionId: string, context: AuditContext): Promise<void> {
  await inTransaction(database, async (tx) => {
    await deleteSession(tx, sessionId);
    await appendAudit(tx, context, {
      action: 'auth.signed-out',
      entityType: 'user',
      entityId: String(context.actor.id),
    });
  });
}
