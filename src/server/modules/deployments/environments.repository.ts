import type { Selectable } from 'kysely';
import type { Environment } from '../../../shared/contract/deployments';
import type { Db } from '../../db/database';
import type { EnvironmentsTable } from './deployments.tables';

export type EnvironmentRow = Selectable<EnvironmentsTable>;

export function toEnvironment(row: EnvironmentRow): Environment {
  return {
    name: row.name,
    order: row.display_order,
    protected: row.protected === 1,
    ownedAliases: JSON.parse(row.owned_aliases) as string[],
    description: row.description,
    createdAt: new Date(row.created_at).toISOString(),
    updatedAt: new Date(row.updated_at).toISOString(),
  };
}

export function listEnvironmentRows(db: Db) {
  return db.selectFrom('environments').selectAll().orderBy('display_order').orderBy('name').execute();
}

export function findEnvironmentRow(db: Db, name: string) {
  return db.selectFrom('environments').selectAll().where('name', '=', name).executeTakeFirst();
}

function ownedAliases(row: EnvironmentRow): string[] {
  try {
    const aliases: unknown = JSON.parse(row.owned_aliases);
    return Array.isArray(aliases) ? aliases.filter((alias): alias is string => typeof alias === 'string') : [];
  } catch {
    return [];
  }
}

/**
 * Which environment owns each protected alias (keys lower-cased: aliases compare
 * case-insensitively). Only the promotions module moves these aliases; the registry refuses
 * MLflow-API and dashboard moves of them.
 */
export async function protectedAliasOwners(db: Db): Promise<Map<string, string>> {
  const owners = new Map<string, string>();
  for (const row of await listEnvironmentRows(db)) {
    for (const alias of ownedAliases(row)) if (!owners.has(alias.toLowerCase())) owners.set(alias.toLowerCase(), row.name);
  }
  return owners;
}

/** The environment that owns a registry alias (compared case-insensitively), if any. */
export async function findEnvironmentOwningAlias(db: Db, alias: string): Promise<Environment | null> {
  const owner = (await protectedAliasOwners(db)).get(alias.toLowerCase());
  const row = owner === undefined ? undefined : await findEnvironmentRow(db, owner);
  return row ? toEnvironment(row) : null;
}

export function insertEnvironmentRow(db: Db, env: { name: string; order: number; protected: boolean; ownedAliases: string[]; description: string | null }) {
  const now = Date.now();
  return db
    .insertInto('environments')
    .values({
      name: env.name,
      display_order: env.order,
      protected: env.protected ? 1 : 0,
      owned_aliases: JSON.stringify(env.ownedAliases),
      description: env.description,
      created_at: now,
      updated_at: now,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export function updateEnvironmentRow(
  db: Db,
  name: string,
  changes: { order?: number | undefined; protected?: boolean | undefined; ownedAliases?: string[] | undefined; description?: string | null | undefined },
) {
  return db
    .updateTable('environments')
    .set({
      ...(changes.order !== undefined && { display_order: changes.order }),
      ...(changes.protected !== undefined && { protected: changes.protected ? 1 : 0 }),
      ...(changes.ownedAliases !== undefined && { owned_aliases: JSON.stringify(changes.ownedAliases) }),
      ...(changes.description !== undefined && { description: changes.description }),
      updated_at: Date.now(),
    })
    .where('name', '=', name)
    .returningAll()
    .executeTakeFirstOrThrow();
}
