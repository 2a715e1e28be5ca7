import type { ApiToken } from '../../../shared/contract/users';
import type { DatabaseHandle } from '../../db/database';
import { inTransaction } from '../../db/transaction';
import { invalidParameter, notFound } from '../../errors';
import { appendAudit, type AuditContext } from '../audit/audit.service';
import { newApiTokenSecret } from './secret-tokens';
import { findToken, insertToken, markTokenRevoked, toApiToken } from './tokens.repository';

/** Creates a token; the secret is returned here once and only its hash is stored. */
export async function createToken(
  database: DatabaseHandle,
  userId: number,
  input: { name: string; expiresInDays?: number | null | undefined },
  context: AuditContext,
): Promise<{ token: ApiToken; secret: string }> {
  const { secret, prefix, hash } = newApiTokenSecret();
  const expiresAt = input.expiresInDays ? Date.now() + input.expiresInDays * 86_400_000 : null;
  return inTransaction(database, async (tx) => {
    const row = await insertToken(tx, { userId, name: input.name, prefix, hash, expiresAt });
    const token = toApiToken(row);
    await appendAudit(tx, context, {
      action: 'token.created',
      entityType: 'api-token',
      entityId: token.id,
      after: { userId: String(userId), name: token.name, prefix, expiresAt: token.expiresAt },
    });
    return { token, secret };
  });
}

/** Revokes a token. `ownerId` restricts it to that user's tokens (null: any user's, for admins and the CLI). */
export async function revokeToken(database: DatabaseHandle, tokenId: number, ownerId: number | null, context: AuditContext): Promise<ApiToken> {
  return inTransaction(database, async (tx) => {
    const row = await findToken(tx, tokenId);
    if (!row || (ownerId !== null && row.user_id !== ownerId)) throw notFound(`No API token with id ${tokenId}`);
    if (row.revoked_at !== null) throw invalidParameter(`API token ${tokenId} is already revoked`);
    const revoked = await markTokenRevoked(tx, tokenId);
    await appendAudit(tx, context, {
      action: 'token.revoked',
      entityType: 'api-token',
      entityId: String(tokenId),
      before: { userId: String(row.user_id), name: row.name, prefix: row.prefix },
    });
    return toApiToken(revoked);
  });
}
