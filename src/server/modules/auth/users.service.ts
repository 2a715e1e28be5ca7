import type { Role } from '../../../shared/permissions';
import type { User } from '../../../shared/contract/auth';
import type { DatabaseHandle } from '../../db/database';
import { inTransaction } from '../../db/transaction';
import { alreadyExists, invalidParameter, notFound } from '../../errors';
import { appendAudit, type AuditContext } from '../audit/audit.service';
import type { UserRow } from './auth.tables';
import { hashPassword, verifyPassword } from './passwords';
import { deleteSessionsOfUser } from './sessions.repository';
import { findUserById, findUserByUsername, insertUser, toUser, updateUserRow } from './users.repository';

/** What the audit trail records about a user: never the password hash. */
const auditView = (row: UserRow) => ({
  username: row.username,
  displayName: row.display_name,
  role: row.role,
  disabled: row.disabled === 1,
});

export async function createUser(
  database: DatabaseHandle,
  input: { username: string; displayName?: string | undefined; role: Role; password: string | null },
  context: AuditContext,
): Promise<User> {
  const username = input.username.trim().toLowerCase();
  const passwordHash = input.password === null ? null : await hashPassword(input.password);
  return inTransaction(database, async (tx) => {
    if (await findUserByUsername(tx, username)) throw alreadyExists(`A user named "${username}" already exists`);
    const row = await insertUser(tx, { username, displayName: input.displayName || username, role: input.role, passwordHash });
    await appendAudit(tx, context, { action: 'user.created', entityType: 'user', entityId: String(row.id), after: auditView(row) });
    return toUser(row);
  });
}

export interface UserChanges {
  displayName?: string | undefined;
  role?: Role | undefined;
  disabled?: boolean | undefined;
  password?: string | undefined;
}

/** Admin changes to a user. Disabling or a new password also ends the user's sessions. */
export async function updateUser(database: DatabaseHandle, userId: number, changes: UserChanges, context: AuditContext): Promise<User> {
  const passwordHash = changes.password === undefined ? undefined : await hashPassword(changes.password);
  return inTransaction(database, async (tx) => {
    const before = await findUserById(tx, userId);
    if (!before) throw notFound(`No user with id ${userId}`);
    if (before.id === context.actor.id && (changes.disabled === true || (changes.role && changes.role !== 'admin' && before.role === 'admin'))) {
      throw invalidParameter('You cannot disable yourself or remove your own admin role; ask another admin');
    }
    const after = await updateUserRow(tx, userId, {
      ...(changes.displayName !== undefined && { display_name: changes.displayName }),
      ...(changes.role !== undefined && { role: changes.role }),
      ...(changes.disabled !== undefined && { disabled: changes.disabled ? 1 : 0 }),
      ...(passwordHash !== undefined && { password_hash: passwordHash }),
    });
    if (changes.disabled || passwordHash) await deleteSessionsOfUser(tx, userId);
    await appendAudit(tx, context, {
      action: passwordHash ? 'user.password-reset' : 'user.updated',
      entityType: 'user',
      entityId: String(userId),
      before: auditView(before),
      after: auditView(after),
    });
    return toUser(after);
  });
}

/** A user changing their own password: the current one is required; other sessions end. */
export async function changeOwnPassword(
  database: DatabaseHandle,
  user: UserRow,
  input: { currentPassword: string; newPassword: string },
  keepSessionId: string | null,
  context: AuditContext,
): Promise<void> {
  if (!(await verifyPassword(input.currentPassword, user.password_hash))) {
    throw invalidParameter('Your current password is not correct', [{ path: 'body.currentPassword', message: 'is not correct' }]);
  }
  const passwordHash = await hashPassword(input.newPassword);
  await inTransaction(database, async (tx) => {
    await updateUserRow(tx, user.id, { password_hash: passwordHash });
    await deleteSessionsOfUser(tx, user.id, keepSessionId ?? undefined);
    await appendAudit(tx, context, { action: 'user.password-changed', entityType: 'user', entityId: String(user.id) });
  });
}

export async function renameSelf(database: DatabaseHandle, user: UserRow, displayName: string, context: AuditContext): Promise<User> {
  return inTransaction(database, async (tx) => {
    const after = await updateUserRow(tx, user.id, { display_name: displayName });
    await appendAudit(tx, context, {
      action: 'user.updated',
      entityType: 'user',
      entityId: String(user.id),
      before: { displayName: user.display_name },
      after: { displayName: after.display_name },
    });
    return toUser(after);
  });
}
