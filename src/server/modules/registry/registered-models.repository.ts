import type { Db } from '../../db/database';
import { inBatches } from '../../db/in-batches';
import type { RegisteredModelsTable } from './registry.tables';
import type { KeyValue, ModelAlias, RegisteredModel } from './registry-types';

/** SQL for registered models and their tags. */

export async function findRegisteredModelRow(db: Db, name: string): Promise<RegisteredModelsTable | undefined> {
  return db.selectFrom('registered_models').selectAll().where('name', '=', name).executeTakeFirst();
}

/** Full registered models (tags and aliases included), in the order of `names`. */
export async function loadRegisteredModels(db: Db, names: string[]): Promise<RegisteredModel[]> {
  if (names.length === 0) return [];
  const [rows, tags, aliases] = await Promise.all([
    inBatches(names, (batch) => db.selectFrom('registered_models').selectAll().where('name', 'in', batch).execute()),
    inBatches(names, (batch) => db.selectFrom('registered_model_tags').selectAll().where('name', 'in', batch).orderBy('key').execute()),
    inBatches(names, (batch) => db.selectFrom('registered_model_aliases').selectAll().where('name', 'in', batch).orderBy('alias').execute()),
  ]);
  const byName = new Map(rows.map((row) => [row.name, row]));
  return names.flatMap((name) => {
    const row = byName.get(name);
    if (!row) return [];
    return [
      {
        name: row.name,
        creationTimestamp: row.creation_timestamp,
        lastUpdatedTimestamp: row.last_updated_timestamp,
        description: row.description,
        userId: row.user_id,
        tags: tags.filter((tag) => tag.name === name).map((tag): KeyValue => ({ key: tag.key, value: tag.value })),
        aliases: aliases.filter((alias) => alias.name === name).map((alias): ModelAlias => ({ alias: alias.alias, version: alias.version })),
      },
    ];
  });
}

export async function getRegisteredModel(db: Db, name: string): Promise<RegisteredModel | undefined> {
  return (await loadRegisteredModels(db, [name]))[0];
}

export async function insertRegisteredModel(tx: Db, row: RegisteredModelsTable, tags: KeyValue[]): Promise<void> {
  await tx.insertInto('registered_models').values(row).execute();
  if (tags.length > 0) await tx.insertInto('registered_model_tags').values(tags.map((tag) => ({ name: row.name, ...tag }))).execute();
}

export async function updateRegisteredModelRow(tx: Db, name: string, patch: Partial<Pick<RegisteredModelsTable, 'description' | 'last_updated_timestamp'>>) {
  await tx.updateTable('registered_models').set(patch).where('name', '=', name).execute();
}

/** Renames the model; versions, tags and aliases follow through ON UPDATE CASCADE. */
export async function renameRegisteredModelRow(tx: Db, name: string, newName: string, now: number): Promise<void> {
  await tx.updateTable('registered_models').set({ name: newName, last_updated_timestamp: now }).where('name', '=', name).execute();
  await tx.updateTable('model_versions').set({ last_updated_timestamp: now }).where('name', '=', newName).execute();
}

/** Deletes the model; versions, their tags, tags and aliases go with it (ON DELETE CASCADE). */
export async function deleteRegisteredModelRow(tx: Db, name: string): Promise<void> {
  await tx.deleteFrom('registered_models').where('name', '=', name).execute();
}

export async function upsertRegisteredModelTag(tx: Db, name: string, tag: KeyValue): Promise<void> {
  await tx
    .insertInto('registered_model_tags')
    .values({ name, ...tag })
    .onConflict((conflict) => conflict.columns(['name', 'key']).doUpdateSet({ value: tag.value }))
    .execute();
}

/** Returns the removed tag's value, or undefined when there was none. */
export async function deleteRegisteredModelTagRow(tx: Db, name: string, key: string): Promise<string | undefined> {
  const existing = await tx.selectFrom('registered_model_tags').select('value').where('name', '=', name).where('key', '=', key).executeTakeFirst();
  if (existing) await tx.deleteFrom('registered_model_tags').where('name', '=', name).where('key', '=', key).execute();
  return existing?.value;
}

export async function findRegisteredModelTag(tx: Db, name: string, key: string): Promise<string | undefined> {
  return (await tx.selectFrom('registered_model_tags').select('value').where('name', '=', name).where('key', '=', key).executeTakeFirst())?.value;
}

/** Deployments that name the model (they block deleting it). */
export async function deploymentsOfModel(db: Db, name: string) {
  return db.selectFrom('deployments').select(['environment', 'stable_version', 'canary_version']).where('model_name', '=', name).execute();
}
