import type { Selectable } from 'kysely';
import type { Db } from '../../db/database';
import { inBatches } from '../../db/in-batches';
import type { RunsTable } from './tracking.tables';

/** SQL for runs, their tags and params. */
export type RunRow = Selectable<RunsTable>;
type KeyValue = { key: string; value: string };

export async function findRunRow(db: Db, runId: string): Promise<RunRow | undefined> {
  return db.selectFrom('runs').selectAll().where('run_uuid', '=', runId).executeTakeFirst();
}

export async function findExperimentOfRun(db: Db, experimentId: number) {
  return db.selectFrom('experiments').select(['experiment_id', 'artifact_location', 'lifecycle_stage']).where('experiment_id', '=', experimentId).executeTakeFirst();
}

export async function insertRunRow(tx: Db, row: RunRow, tags: KeyValue[]) {
  await tx.insertInto('runs').values(row).execute();
  await upsertRunTags(tx, row.run_uuid, tags);
}

export async function updateRunRow(tx: Db, runId: string, patch: Partial<Pick<RunRow, 'status' | 'end_time' | 'run_name' | 'lifecycle_stage' | 'deleted_time'>>) {
  await tx.updateTable('runs').set(patch).where('run_uuid', '=', runId).execute();
}

export async function runTagValues(db: Db, runId: string, keys: readonly string[]): Promise<Map<string, string>> {
  const rows = await inBatches(keys, (batch) => db.selectFrom('run_tags').select(['key', 'value']).where('run_uuid', '=', runId).where('key', 'in', batch).execute());
  return new Map(rows.map((row) => [row.key, row.value]));
}

export async function upsertRunTags(tx: Db, runId: string, tags: readonly KeyValue[]) {
  for (let start = 0; start < tags.length; start += 200) {
    await tx
      .insertInto('run_tags')
      .values(tags.slice(start, start + 200).map((tag) => ({ run_uuid: runId, ...tag })))
      .onConflict((conflict) => conflict.columns(['run_uuid', 'key']).doUpdateSet((eb) => ({ value: eb.ref('excluded.value') })))
      .execute();
  }
}

export async function deleteRunTagRow(tx: Db, runId: string, key: string) {
  await tx.deleteFrom('run_tags').where('run_uuid', '=', runId).where('key', '=', key).execute();
}

export async function paramValues(db: Db, runId: string, keys: readonly string[]): Promise<Map<string, string>> {
  const rows = await inBatches(keys, (batch) => db.selectFrom('params').select(['key', 'value']).where('run_uuid', '=', runId).where('key', 'in', batch).execute());
  return new Map(rows.map((row) => [row.key, row.value]));
}

export async function insertParams(tx: Db, runId: string, params: readonly KeyValue[]) {
  for (let start = 0; start < params.length; start += 200) {
    await tx
      .insertInto('params')
      .values(params.slice(start, start + 200).map((param) => ({ run_uuid: runId, ...param })))
      .execute();
  }
}
