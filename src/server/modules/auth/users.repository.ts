import type { Role } from '../../../shared/permissions';
import type { User } from '../../../shared/contract/auth';
import type { Db } from '../../db/database';
import type { UserRow } from './auth.tables';

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

export function toUser(row: UserRow): User {
  return {
    id: String(row.id),
    username: row.username,
    displayName: row.display_name,
    role: row.role as Role,
    disabled: row.disabled === 1,
    createdAt: new Date(row.created_at).toISOString(),
    lastSignInAt: iso(row.last_sign_in_at),
  };
}

export function findUserById(db: Db, id: number) {
  return db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
}

export function findUserByUsername(db: Db, username: string) {
  return db.selectFrom('users').selectAll().where('username', '=', username).executeTakeFirst();
}

export function listUsers(db: Db) {
  return db.selectFrom('users').selectAll().orderBy('username').execute();
}

export async function countUsers(db: Db): Promise<number> {
  const row = await db.selectFrom('users').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(row.n);
}

export function insertUser(
  db: Db,
  user: { username: string; displayName: string; role: Role; passwordHash: string | null },
) {
  const now = Date.now();
  return db
    .insertInto('users')
    .values({
      username: user.username,
      display_name: user.displayName,
      role: user.role,
      password_hash: user.passwordHash,
      disabled: 0,
      created_at: now,
      updated_at: now,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export function updateUserRow(
  db: Db,
  id: number,
  changes: Partial<{ display_name: string; role: Role; disabled: number; password_hash: string; last_sign_in_at: number }>,
) {
  return db
    .updateTable('users')
    .set({ ...changes, updated_at: Date.now() })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
}
