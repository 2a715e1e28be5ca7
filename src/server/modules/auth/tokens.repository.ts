import type { ApiToken } from '../../../shared/contract/users';
import type { Db } from '../../db/database';
import { preparedQuery } from '../../db/prepared-query';
import type { ApiTokenRow } from './auth.tables';

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

export function toApiToken(row: ApiTokenRow): ApiToken {
  return {
    id: String(row.id),
    name: row.name,
    prefix: row.prefix,
    createdAt: new Date(row.created_at).toISOString(),
    lastUsedAt: iso(row.last_used_at),
    expiresAt: iso(row.expires_at),
    revokedAt: iso(row.revoked_at),
  };
}

export function insertToken(
  db: Db,
  token: { userId: number; name: string; prefix: string; hash: string; expiresAt: number | null },
) {
  return db
    .insertInto('api_tokens')
    .values({
      user_id: token.userId,
      name: token.name,
      prefix: token.prefix,
      token_hash: token.hash,
      created_at: Date.now(),
      expires_at: token.expiresAt,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** The token and its owner in one indexed read (runs on every Bearer/Basic-token request). */
const tokenWithUser = preparedQuery((db, args: { hash: string }) =>
  db
    .selectFrom('api_tokens')
    .innerJoin('users', 'users.id', 'api_tokens.user_id')
    .selectAll('users')
    .select([
      'api_tokens.id as token_id',
      'api_tokens.expires_at as token_expires_at',
      'api_tokens.revoked_at as token_revoked_at',
      'api_tokens.last_used_at as token_last_used_at',
    ])
    .where('api_tokens.token_hash', '=', args.hash),
);

export async function findTokenWithUser(db: Db, hash: string) {
  return (await tokenWithUser(db, { hash }))[0];
}

export function listTokensOfUser(db: Db, userId: number) {
  return db.selectFrom('api_tokens').selectAll().where('user_id', '=', userId).orderBy('created_at', 'desc').execute();
}

export function findToken(db: Db, id: number) {
  return db.selectFrom('api_tokens').selectAll().where('id', '=', id).executeTakeFirst();
}

export function markTokenRevoked(db: Db, id: number) {
  return db.updateTable('api_tokens').set({ revoked_at: Date.now() }).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
}

export function touchToken(db: Db, id: number, now: number) {
  return db.updateTable('api_tokens').set({ last_used_at: now }).where('id', '=', id).execute();
}
