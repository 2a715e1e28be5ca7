import type { Db } from '../../db/database';

/** SQL for aliases. Which aliases are protected is the environments' (deployments module). */

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
