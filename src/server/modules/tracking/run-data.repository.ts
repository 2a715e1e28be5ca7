import type { Db } from '../../db/database';
import { inBatches } from '../../db/in-batches';

/**
 * Batched reads of everything attached to runs (tags, params, latest metrics, inputs, outputs):
 * one query per table per batch of run ids, whatever the page size.
 */
export async function runRows(db: Db, runIds: readonly string[]) {
  return inBatches(runIds, (batch) => db.selectFrom('runs').selectAll().where('run_uuid', 'in', batch).execute());
}

export async function runTagRows(db: Db, runIds: readonly string[]) {
  return inBatches(runIds, (batch) => db.selectFrom('run_tags').selectAll().where('run_uuid', 'in', batch).orderBy('key').execute());
}

export async function paramRows(db: Db, runIds: readonly string[]) {
  return inBatches(runIds, (batch) => db.selectFrom('params').selectAll().where('run_uuid', 'in', batch).orderBy('key').execute());
}

export async function latestMetricRows(db: Db, runIds: readonly string[]) {
  return inBatches(runIds, (batch) => db.selectFrom('latest_metrics').selectAll().where('run_uuid', 'in', batch).orderBy('key').execute());
}

export async function datasetInputRows(db: Db, runIds: readonly string[]) {
  return inBatches(runIds, (batch) =>
    db
      .selectFrom('run_inputs')
      .innerJoin('datasets', 'datasets.dataset_uuid', 'run_inputs.dataset_uuid')
      .select([
        'run_inputs.run_uuid',
        'run_inputs.input_uuid',
        'datasets.name',
        'datasets.digest',
        'datasets.source_type',
        'datasets.source',
        'datasets.schema',
        'datasets.profile',
      ])
      .where('run_inputs.run_uuid', 'in', batch)
      .orderBy('datasets.name')
      .orderBy('datasets.digest')
      .execute(),
  );
}

export async function inputTagRows(db: Db, inputIds: readonly string[]) {
  return inBatches(inputIds, (batch) => db.selectFrom('input_tags').selectAll().where('input_uuid', 'in', batch).orderBy('key').execute());
}

export async function modelLinkRows(db: Db, runIds: readonly string[]) {
  return inBatches(runIds, (batch) =>
    db.selectFrom('run_model_links').selectAll().where('run_uuid', 'in', batch).orderBy('step').orderBy('model_id').execute(),
  );
}

export async function experimentRows(db: Db, experimentIds: readonly number[]) {
  return inBatches(experimentIds, (batch) => db.selectFrom('experiments').selectAll().where('experiment_id', 'in', batch).execute());
}

export async function experimentTagRows(db: Db, experimentIds: readonly number[]) {
  return inBatches(experimentIds, (batch) => db.selectFrom('experiment_tags').selectAll().where('experiment_id', 'in', batch).orderBy('key').execute());
}
