import type { Db } from '../../db/database';
import { preparedQuery } from '../../db/prepared-query';

export function insertSession(db: Db, session: { id: string; userId: number; csrfToken: string; expiresAt: number }) {
  return db
    .insertInto('sessions')
    .values({
      id: session.id,
      user_id: session.userId,
      csrf_token: session.csrfToken,
      created_at: Date.now(),
      expires_at: session.expiresAt,
    })
    .execute();
}

/** The session and its user in one indexed read: this runs on every browser request. */
const sessionWithUser = preparedQuery((db, args: { id: string }) =>
  db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .selectAll('users')
    .select(['sessions.id as session_id', 'sessions.csrf_token', 'sessions.expires_at'])
    .where('sessions.id', '=', args.id),
);

export async function findSessionWithUser(db: Db, id: string) {
  return (await sessionWithUser(db, { id }))[0];
}

export function deleteSession(db: Db, id: string) {
  return db.deleteFrom('sessions').where('id', '=', id).execute();
}

export function deleteSessionsOfUser(db: Db, userId: number, exceptId?: string) {
  let query = db.deleteFrom('sessions').where('user_id', '=', userId);
  if (exceptId) query = query.where('id', '!=', exceptId);
  return query.execute();
}

export function deleteExpiredSessions(db: Db, now = Date.now()) {
  return db.deleteFrom('sessions').where('expires_at', '<', now).execute();
}
