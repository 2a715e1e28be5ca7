import type { Selectable } from 'kysely';
import type { Db } from '../../db/database';
import type { ExperimentsTable } from './tracking.tables';

/** SQL for experiments and their tags. */
export type ExperimentRow = Selectable<ExperimentsTable>;

export async function findExperimentRow(db: Db, experimentId: number): Promise<ExperimentRow | undefined> {
  return db.selectFrom('experiments').selectAll().where('experiment_id', '=', experimentId).executeTakeFirst();
}

export async function findExperimentByName(db: Db, name: string): Promise<ExperimentRow | undefined> {
  return db.selectFrom('experiments').selectAll().where('name', '=', name).executeTakeFirst();
}

/** Inserts an experiment; its default artifact location needs the id, so it is set right after. */
export async function insertExperimentRow(
  tx: Db,
  row: { name: string; artifactLocation: ((id: number) => string) | string; now: number },
  tags: Array<{ key: string; value: string }>,
): Promise<ExperimentRow> {
  const location = typeof row.artifactLocation === 'string' ? row.artifactLocation : 'pending';
  const inserted = await tx
    .insertInto('experiments')
    .values({ name: row.name, artifact_location: location, lifecycle_stage: 'active', creation_time: row.now, last_update_time: row.now })
    .returning('experiment_id')
    .executeTakeFirstOrThrow();
  const id = Number(inserted.experiment_id);
  if (typeof row.artifactLocation !== 'string') {
    await tx.updateTable('experiments').set({ artifact_location: row.artifactLocation(id) }).where('experiment_id', '=', id).execute();
  }
  if (tags.length > 0) await tx.insertInto('experiment_tags').values(tags.map((tag) => ({ experiment_id: id, ...tag }))).execute();
  return (await findExperimentRow(tx, id)) as ExperimentRow;
}

export async function updateExperimentRow(tx: Db, experimentId: number, patch: Partial<Pick<ExperimentRow, 'name' | 'lifecycle_stage' | 'last_update_time'>>) {
  await tx.updateTable('experiments').set(patch).where('experiment_id', '=', experimentId).execute();
}

/** Soft-deletes (or restores) the experiment's runs along with it; restore takes back only the runs its delete took. */
export async function deleteExperimentRuns(tx: Db, experimentId: number, now: number) {
  await tx
    .updateTable('runs')
    .set({ lifecycle_stage: 'deleted', deleted_time: now })
    .where('experiment_id', '=', experimentId)
    .where('lifecycle_stage', '=', 'active')
    .execute();
}

export async function restoreExperimentRuns(tx: Db, experimentId: number, deletedAt: number) {
  await tx
    .updateTable('runs')
    .set({ lifecycle_stage: 'active', deleted_time: null })
    .where('experiment_id', '=', experimentId)
    .where('lifecycle_stage', '=', 'deleted')
    .where('deleted_time', '=', deletedAt)
    .execute();
}

export async function findExperimentTag(db: Db, experimentId: number, key: string): Promise<string | undefined> {
  const row = await db.selectFrom('experiment_tags').select('value').where('experiment_id', '=', experimentId).where('key', '=', key).executeTakeFirst();
  return row?.value;
}

export async function upsertExperimentTag(tx: Db, experimentId: number, tag: { key: string; value: string }) {
  await tx
    .insertInto('experiment_tags')
    .values({ experiment_id: experimentId, ...tag })
    .onConflict((conflict) => conflict.columns(['experiment_id', 'key']).doUpdateSet({ value: tag.value }))
    .execute();
}

export async function deleteExperimentTagRow(tx: Db, experimentId: number, key: string) {
  await tx.deleteFrom('experiment_tags').where('experiment_id', '=', experimentId).where('key', '=', key).execute();
}

/** One page of experiments in id order (the legacy `experiments/list`). */
export async function listExperimentIds(db: Db, stages: string[], offset: number, limit: number): Promise<number[]> {
  const rows = await db
    .selectFrom('experiments')
    .select('experiment_id')
    .where('lifecycle_stage', 'in', stages)
    .orderBy('experiment_id')
    .offset(offset)
    .limit(limit)
    .execute();
  return rows.map((row) => Number(row.experiment_id));
}
