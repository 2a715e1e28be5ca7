import type { Db } from '../../db/database';

/** SQL for aliases, and the protected-alias table read from deployment environments. */

export async function findAliasVersion(db: Db, name: string, alias: string): Promise<number | undefined> {
  return (await db.selectFrom('registered_model_aliases').select('version').where('name', '=', name).where('alias', '=', alias).executeTakeFirst())?.version;
}

export async function setAliasRow(tx: Db, name: string, alias: string, version: number): Promise<void> {
  await tx
    .insertInto('registered_model_aliases')
    .values({ name, alias, version })
    .onConflict((conflict) => conflict.columns(['name', 'alias']).doUpdateSet({ version }))
    .execute();
}

export async function deleteAliasRow(tx: Db, name: string, alias: string): Promise<void> {
  await tx.deleteFrom('registered_model_aliases').where('name', '=', name).where('alias', '=', alias).execute();
}

export async function aliasesOfVersion(db: Db, name: string, version: number): Promise<string[]> {
  const rows = await db.selectFrom('registered_model_aliases').select('alias').where('name', '=', name).where('version', '=', version).orderBy('alias').execute();
  return rows.map((row) => row.alias);
}

export async function aliasesOfModel(db: Db, name: string): Promise<Array<{ alias: string; version: number }>> {
  return db.selectFrom('registered_model_aliases').select(['alias', 'version']).where('name', '=', name).orderBy('alias').execute();
}

/**
 * Which environment owns each protected alias (lower-cased). Only the promotions module moves
 * these aliases; MLflow clients get PERMISSION_DENIED.
 */
export async function protectedAliasOwners(db: Db): Promise<Map<string, string>> {
  const rows = await db.selectFrom('environments').select(['name', 'owned_aliases']).orderBy('display_order').execute();
  const owners = new Map<string, string>();
  for (const row of rows) {
    let aliases: unknown;
    try {
      aliases = JSON.parse(row.owned_aliases);
    } catch {
      aliases = [];
    }
    if (!Array.isArray(aliases)) continue;
    for (const alias of aliases) if (typeof alias === 'string' && !owners.has(alias.toLowerCase())) owners.set(alias.toLowerCase(), row.name);
  }
  return owners;
}

/** The environment that owns `alias` (compared case-insensitively), if it is protected. */
export async function protectedAliasOwner(db: Db, alias: string): Promise<string | undefined> {
  return (await protectedAliasOwners(db)).get(alias.toLowerCase());
}
