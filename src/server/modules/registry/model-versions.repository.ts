import type { Db } from '../../db/database';
import { inBatches } from '../../db/in-batches';
import type { ModelVersionsTable } from './registry.tables';
import type { KeyValue, MlmodelSummary, ModelVersion, Stage } from './registry-types';

/** SQL for model versions and their tags. Deleted versions keep their row (numbers are never reused). */

export async function findModelVersionRow(db: Db, name: string, version: number): Promise<ModelVersionsTable | undefined> {
  return db.selectFrom('model_versions').selectAll().where('name', '=', name).where('version', '=', version).where('deleted_time', 'is', null).executeTakeFirst();
}

function toModelVersion(row: ModelVersionsTable, tags: KeyValue[], aliases: string[]): ModelVersion {
  return {
    name: row.name,
    version: row.version,
    creationTimestamp: row.creation_timestamp,
    lastUpdatedTimestamp: row.last_updated_timestamp,
    description: row.description,
    userId: row.user_id,
    currentStage: row.current_stage as Stage,
    source: row.source,
    storageLocation: row.storage_location ?? row.source,
    runId: row.run_id,
    runLink: row.run_link,
    modelId: row.model_id,
    status: row.status as ModelVersion['status'],
    statusMessage: row.status_message,
    tags,
    aliases,
    mlmodel: row.mlmodel_json ? (JSON.parse(row.mlmodel_json) as MlmodelSummary) : null,
  };
}

/** Adds tags and aliases to version rows, keeping their order. */
export async function hydrateModelVersions(db: Db, rows: ModelVersionsTable[]): Promise<ModelVersion[]> {
  if (rows.length === 0) return [];
  const names = [...new Set(rows.map((row) => row.name))];
  const [tags, aliases] = await Promise.all([
    inBatches(names, (batch) => db.selectFrom('model_version_tags').selectAll().where('name', 'in', batch).orderBy('key').execute()),
    inBatches(names, (batch) => db.selectFrom('registered_model_aliases').selectAll().where('name', 'in', batch).orderBy('alias').execute()),
  ]);
  const byVersion = <T extends { name: string; version: number }>(items: T[]) => {
    const grouped = new Map<string, T[]>();
    for (const item of items) {
      const key = `${item.name}\u0000${item.version}`;
      grouped.set(key, [...(grouped.get(key) ?? []), item]);
    }
    return (row: ModelVersionsTable) => grouped.get(`${row.name}\u0000${row.version}`) ?? [];
  };
  const tagsOf = byVersion(tags);
  const aliasesOf = byVersion(aliases);
  return rows.map((row) =>
    toModelVersion(
      row,
      tagsOf(row).map((tag) => ({ key: tag.key, value: tag.value })),
      aliasesOf(row).map((alias) => alias.alias),
    ),
  );
}

/** A live model version with its tags, aliases and MLmodel summary; the read other modules use. */
export async function getModelVersion(db: Db, name: string, version: number): Promise<ModelVersion | undefined> {
  const row = await findModelVersionRow(db, name, version);
  return row ? (await hydrateModelVersions(db, [row]))[0] : undefined;
}

/** The live version an alias points to, if any. */
export async function getModelVersionByAlias(db: Db, name: string, alias: string): Promise<ModelVersion | undefined> {
  const target = await db.selectFrom('registered_model_aliases').select('version').where('name', '=', name).where('alias', '=', alias).executeTakeFirst();
  return target ? getModelVersion(db, name, target.version) : undefined;
}

/** Whether the version exists and is not deleted. */
export async function modelVersionExists(db: Db, modelName: string, version: number): Promise<boolean> {
  const row = await db
    .selectFrom('model_versions')
    .select('version')
    .where('name', '=', modelName)
    .where('version', '=', version)
    .where('deleted_time', 'is', null)
    .executeTakeFirst();
  return row !== undefined;
}

export async function liveVersionNumbers(db: Db, name: string): Promise<number[]> {
  const rows = await db.selectFrom('model_versions').select('version').where('name', '=', name).where('deleted_time', 'is', null).orderBy('version').execute();
  return rows.map((row) => row.version);
}

/** The highest live version in each stage, for each model (MLflow's deprecated latest_versions). */
export async function latestVersionPerStage(db: Db, names: string[]): Promise<ModelVersion[]> {
  if (names.length === 0) return [];
  const rows = await inBatches(names, (batch) =>
    db.selectFrom('model_versions').selectAll().where('name', 'in', batch).where('deleted_time', 'is', null).orderBy('version', 'desc').execute(),
  );
  const seen = new Set<string>();
  const latest = rows.filter((row) => {
    const key = `${row.name}\u0000${row.current_stage}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  return hydrateModelVersions(db, latest);
}

/** Next number for a model: one past the highest ever used, deleted versions included. */
export async function nextVersionNumber(tx: Db, name: string): Promise<number> {
  const row = await tx.selectFrom('model_versions').select((eb) => eb.fn.max('version').as('max')).where('name', '=', name).executeTakeFirst();
  return Number(row?.max ?? 0) + 1;
}

export async function insertModelVersion(tx: Db, row: ModelVersionsTable, tags: KeyValue[]): Promise<void> {
  await tx.insertInto('model_versions').values(row).execute();
  if (tags.length > 0) await tx.insertInto('model_version_tags').values(tags.map((tag) => ({ name: row.name, version: row.version, ...tag }))).execute();
}

export async function updateModelVersionRow(
  tx: Db,
  name: string,
  version: number,
  patch: Partial<Pick<ModelVersionsTable, 'description' | 'current_stage' | 'last_updated_timestamp' | 'deleted_time'>>,
): Promise<void> {
  await tx.updateTable('model_versions').set(patch).where('name', '=', name).where('version', '=', version).execute();
}

/** Live versions of a model in a stage, except one (for archive_existing_versions). */
export async function versionsInStage(tx: Db, name: string, stage: Stage, except: number): Promise<number[]> {
  const rows = await tx
    .selectFrom('model_versions')
    .select('version')
    .where('name', '=', name)
    .where('current_stage', '=', stage)
    .where('version', '!=', except)
    .where('deleted_time', 'is', null)
    .execute();
  return rows.map((row) => row.version);
}

export async function upsertModelVersionTag(tx: Db, name: string, version: number, tag: KeyValue): Promise<void> {
  await tx
    .insertInto('model_version_tags')
    .values({ name, version, ...tag })
    .onConflict((conflict) => conflict.columns(['name', 'version', 'key']).doUpdateSet({ value: tag.value }))
    .execute();
}

export async function findModelVersionTag(tx: Db, name: string, version: number, key: string): Promise<string | undefined> {
  return (await tx.selectFrom('model_version_tags').select('value').where('name', '=', name).where('version', '=', version).where('key', '=', key).executeTakeFirst())
    ?.value;
}

export async function deleteModelVersionTagRow(tx: Db, name: string, version: number, key: string): Promise<void> {
  await tx.deleteFrom('model_version_tags').where('name', '=', name).where('version', '=', version).where('key', '=', key).execute();
}

/** Deployments serving a version (stable or canary): it must not disappear under them. */
export async function deploymentsServingVersion(db: Db, name: string, version: number) {
  return db
    .selectFrom('deployments')
    .select(['environment'])
    .where('model_name', '=', name)
    .where((eb) => eb.or([eb('stable_version', '=', version), eb('canary_version', '=', version)]))
    .execute();
}
