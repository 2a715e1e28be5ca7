import type { Db } from '../../db/database';
import { inBatches } from '../../db/in-batches';

/**
 * The lineage graph's SQL: each function takes one frontier (a batch of keys) and answers from
 * an index — runs by id, run_inputs by run or dataset, run_tags by (key, value), logged models by
 * source run, versions by run, model id or name, deployments by model. No table is read whole.
 */
export const parentRunTag = 'mlflow.parentRunId';
export const gitCommitTag = 'mlflow.source.git.commit';

// Only what the graph's nodes show: every column read costs on a graph of thousands of nodes.
const runColumns = ['run_uuid', 'run_name', 'status', 'lifecycle_stage', 'start_time'] as const;
const versionColumns = ['name', 'version', 'run_id', 'model_id', 'status', 'deleted_time', 'creation_timestamp'] as const;
const modelColumns = ['model_id', 'name', 'status', 'lifecycle_stage', 'source_run_id', 'creation_timestamp_ms'] as const;

export type LineageRunRow = Awaited<ReturnType<typeof runsById>>[number];
export type LineageVersionRow = Awaited<ReturnType<typeof versionsByRun>>[number];
export type LineageModelRow = Awaited<ReturnType<typeof loggedModelsById>>[number];

export const runsById = (db: Db, ids: string[]) => inBatches(ids, (batch) => db.selectFrom('runs').select(runColumns).where('run_uuid', 'in', batch).execute());

/** Runs whose tag `key` has one of `values` (children of parents, runs of a commit). */
export const runsTagged = (db: Db, key: string, values: string[], limit: number) =>
  inBatches(values, (batch) =>
    db
      .selectFrom('run_tags as t')
      .innerJoin('runs as r', 'r.run_uuid', 't.run_uuid')
      .select([...runColumns.map((column) => `r.${column}` as const), 't.value as tagValue'])
      .where('t.key', '=', key)
      .where('t.value', 'in', batch)
      .limit(limit)
      .execute(),
  );

/** Tags `keys` of these runs (their parent and git commit). */
export const tagsOfRuns = (db: Db, ids: string[], keys: string[]) =>
  inBatches(ids, (batch) => db.selectFrom('run_tags').select(['run_uuid', 'key', 'value']).where('run_uuid', 'in', batch).where('key', 'in', keys).execute());

export const datasetsOfRuns = (db: Db, ids: string[]) =>
  inBatches(ids, (batch) =>
    db
      .selectFrom('run_inputs as ri')
      .innerJoin('datasets as d', 'd.dataset_uuid', 'ri.dataset_uuid')
      .leftJoin('input_tags as it', (join) => join.onRef('it.input_uuid', '=', 'ri.input_uuid').on('it.key', '=', 'mlflow.data.context'))
      .select(['ri.run_uuid', 'd.name', 'd.digest', 'it.value as context'])
      .where('ri.run_uuid', 'in', batch)
      .execute(),
  );

/** Runs that used a dataset with one of these digests (by the digest index, then run_inputs by dataset). */
export const runsOfDigests = (db: Db, digests: string[], limit: number) =>
  inBatches(digests, (batch) =>
    db
      .selectFrom('datasets as d')
      .innerJoin('run_inputs as ri', 'ri.dataset_uuid', 'd.dataset_uuid')
      .innerJoin('runs as r', 'r.run_uuid', 'ri.run_uuid')
      .leftJoin('input_tags as it', (join) => join.onRef('it.input_uuid', '=', 'ri.input_uuid').on('it.key', '=', 'mlflow.data.context'))
      .select([...runColumns.map((column) => `r.${column}` as const), 'r.experiment_id', 'r.user_id', 'd.digest', 'it.value as context'])
      .where('d.digest', 'in', batch)
      .orderBy('r.start_time', 'desc')
      .limit(limit)
      .execute(),
  );

export const loggedModelsById = (db: Db, ids: string[]) => inBatches(ids, (batch) => db.selectFrom('logged_models').select(modelColumns).where('model_id', 'in', batch).execute());
export const loggedModelsOfRuns = (db: Db, runIds: string[]) =>
  inBatches(runIds, (batch) => db.selectFrom('logged_models').select(modelColumns).where('source_run_id', 'in', batch).execute());

export const versionsByRun = (db: Db, runIds: string[]) => inBatches(runIds, (batch) => db.selectFrom('model_versions').select(versionColumns).where('run_id', 'in', batch).execute());
export const versionsByModelId = (db: Db, ids: string[]) => inBatches(ids, (batch) => db.selectFrom('model_versions').select(versionColumns).where('model_id', 'in', batch).execute());
export const versionsOfModel = (db: Db, name: string, limit: number) =>
  db.selectFrom('model_versions').select(versionColumns).where('name', '=', name).orderBy('version', 'desc').limit(limit).execute();
export const versionByKey = (db: Db, name: string, version: number) =>
  db.selectFrom('model_versions').select(versionColumns).where('name', '=', name).where('version', '=', version).executeTakeFirst();

export const deploymentsOfModels = (db: Db, names: string[]) => inBatches(names, (batch) => db.selectFrom('deployments').selectAll().where('model_name', 'in', batch).execute());

/** Versions each deployment served before (stable or canary), from its history. */
export const servedVersions = (db: Db, deploymentIds: number[]) =>
  inBatches(deploymentIds, (batch) =>
    db.selectFrom('deployment_history').select(['deployment_id', 'stable_version', 'canary_version', 'changed_at']).where('deployment_id', 'in', batch).execute(),
  );

export const modelExists = async (db: Db, name: string) => (await db.selectFrom('registered_models').select('name').where('name', '=', name).executeTakeFirst()) !== undefined;

export const datasetByDigest = (db: Db, digest: string) => db.selectFrom('datasets').select(['name', 'digest']).where('digest', '=', digest).executeTakeFirst();

export const datasetEntries = (db: Db, digest: string) =>
  db.selectFrom('datasets').select(['name', 'source_type', 'source', 'schema', 'profile', 'experiment_id']).where('digest', '=', digest).orderBy('name').limit(100).execute();

export const countVersions = async (db: Db, name: string) =>
  Number((await db.selectFrom('model_versions').select((eb) => eb.fn.countAll<number>().as('count')).where('name', '=', name).executeTakeFirst())?.count ?? 0);
