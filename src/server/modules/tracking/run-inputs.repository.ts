import { randomUUID } from 'node:crypto';
import type { Db } from '../../db/database';
import { inBatches } from '../../db/in-batches';
import type { DatasetsTable } from './tracking.tables';

/** SQL for run inputs (datasets with input tags, logged models) and outputs (logged models). */

/** The dataset's id within the experiment, inserting it if this (name, digest) is new. */
export async function datasetIdFor(tx: Db, row: Omit<DatasetsTable, 'dataset_uuid'>): Promise<string> {
  await tx
    .insertInto('datasets')
    .values({ dataset_uuid: randomUUID().replaceAll('-', ''), ...row })
    .onConflict((conflict) => conflict.columns(['experiment_id', 'name', 'digest']).doNothing())
    .execute();
  const found = await tx
    .selectFrom('datasets')
    .select('dataset_uuid')
    .where('experiment_id', '=', row.experiment_id)
    .where('name', '=', row.name)
    .where('digest', '=', row.digest)
    .executeTakeFirstOrThrow();
  return found.dataset_uuid;
}

/** Links a dataset to a run; returns the new input's id, or null if the run already had it. */
export async function linkDataset(tx: Db, runId: string, datasetId: string, tags: Array<{ key: string; value: string }>): Promise<string | null> {
  const inputId = randomUUID().replaceAll('-', '');
  const inserted = await tx
    .insertInto('run_inputs')
    .values({ input_uuid: inputId, run_uuid: runId, dataset_uuid: datasetId })
    .onConflict((conflict) => conflict.columns(['run_uuid', 'dataset_uuid']).doNothing())
    .returning('input_uuid')
    .executeTakeFirst();
  if (!inserted) return null;
  if (tags.length > 0) await tx.insertInto('input_tags').values(tags.map((tag) => ({ input_uuid: inputId, ...tag }))).execute();
  return inputId;
}

export async function existingLoggedModelIds(db: Db, modelIds: readonly string[]): Promise<Set<string>> {
  const rows = await inBatches(modelIds, (batch) => db.selectFrom('logged_models').select('model_id').where('model_id', 'in', batch).execute());
  return new Set(rows.map((row) => row.model_id));
}

export async function linkModel(tx: Db, runId: string, modelId: string, direction: 'input' | 'output', step: number) {
  await tx
    .insertInto('run_model_links')
    .values({ run_uuid: runId, model_id: modelId, direction, step })
    .onConflict((conflict) => conflict.columns(['run_uuid', 'model_id', 'direction']).doUpdateSet({ step }))
    .execute();
}
