import type { Kysely } from 'kysely';
import { autoId } from './kit';

/**
 * The MLflow data model (tracking and registry) and the deployment records everything after it
 * refers to. Names follow MLflow's SQL store where it helps people who know it (run_uuid, is_nan).
 */
export async function up(db: Kysely<any>): Promise<void> {
  const id = autoId(db);

  // --- tracking -----------------------------------------------------------------------------
  await db.schema
    .createTable('experiments')
    .addColumn('experiment_id', id.type, id.build)
    .addColumn('name', 'text', (c) => c.notNull().unique())
    .addColumn('artifact_location', 'text', (c) => c.notNull())
    .addColumn('lifecycle_stage', 'text', (c) => c.notNull())
    .addColumn('creation_time', 'bigint', (c) => c.notNull())
    .addColumn('last_update_time', 'bigint', (c) => c.notNull())
    .execute();
  const now = Date.now();
  // MLflow clients expect experiment "0" named Default to exist.
  await db
    .insertInto('experiments')
    .values({ experiment_id: 0, name: 'Default', artifact_location: 'mlflow-artifacts:/0', lifecycle_stage: 'active', creation_time: now, last_update_time: now })
    .execute();

  await db.schema
    .createTable('experiment_tags')
    .addColumn('experiment_id', 'bigint', (c) => c.notNull().references('experiments.experiment_id').onDelete('cascade'))
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('value', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('experiment_tags_pk', ['experiment_id', 'key'])
    .execute();

  await db.schema
    .createTable('runs')
    .addColumn('run_uuid', 'text', (c) => c.primaryKey())
    .addColumn('experiment_id', 'bigint', (c) => c.notNull().references('experiments.experiment_id'))
    .addColumn('run_name', 'text', (c) => c.notNull())
    .addColumn('user_id', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('start_time', 'bigint', (c) => c.notNull())
    .addColumn('end_time', 'bigint')
    .addColumn('lifecycle_stage', 'text', (c) => c.notNull())
    .addColumn('artifact_uri', 'text', (c) => c.notNull())
    .addColumn('deleted_time', 'bigint')
    .execute();
  await db.schema.createIndex('runs_experiment_start').on('runs').columns(['experiment_id', 'lifecycle_stage', 'start_time']).execute();

  for (const table of ['run_tags', 'params']) {
    await db.schema
      .createTable(table)
      .addColumn('run_uuid', 'text', (c) => c.notNull().references('runs.run_uuid').onDelete('cascade'))
      .addColumn('key', 'text', (c) => c.notNull())
      .addColumn('value', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint(`${table}_pk`, ['run_uuid', 'key'])
      .execute();
    // Filters such as params.model = 'gbm' look up by key and value without scanning runs.
    await db.schema.createIndex(`${table}_key_value`).on(table).columns(['key', 'value']).execute();
  }

  // Append-only history. The primary key makes an exact duplicate a no-op (as MLflow) and serves
  // history reads by (run, key, step).
  await db.schema
    .createTable('metrics')
    .addColumn('run_uuid', 'text', (c) => c.notNull().references('runs.run_uuid').onDelete('cascade'))
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('step', 'bigint', (c) => c.notNull())
    .addColumn('timestamp', 'bigint', (c) => c.notNull())
    .addColumn('value', 'double precision', (c) => c.notNull())
    .addColumn('is_nan', 'integer', (c) => c.notNull())
    .addColumn('model_id', 'text')
    .addColumn('dataset_name', 'text')
    .addColumn('dataset_digest', 'text')
    .addPrimaryKeyConstraint('metrics_pk', ['run_uuid', 'key', 'step', 'timestamp', 'value', 'is_nan'])
    .execute();

  // One row per run and key with the latest value ("latest" = max of step, timestamp, value),
  // denormalised with the experiment so search can filter and sort by a metric with an index.
  await db.schema
    .createTable('latest_metrics')
    .addColumn('run_uuid', 'text', (c) => c.notNull().references('runs.run_uuid').onDelete('cascade'))
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('experiment_id', 'bigint', (c) => c.notNull())
    .addColumn('step', 'bigint', (c) => c.notNull())
    .addColumn('timestamp', 'bigint', (c) => c.notNull())
    .addColumn('value', 'double precision', (c) => c.notNull())
    .addColumn('is_nan', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('latest_metrics_pk', ['run_uuid', 'key'])
    .execute();
  await db.schema.createIndex('latest_metrics_experiment_key_value').on('latest_metrics').columns(['experiment_id', 'key', 'value']).execute();

  await db.schema
    .createTable('datasets')
    .addColumn('dataset_uuid', 'text', (c) => c.primaryKey())
    .addColumn('experiment_id', 'bigint', (c) => c.notNull().references('experiments.experiment_id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('digest', 'text', (c) => c.notNull())
    .addColumn('source_type', 'text', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('schema', 'text')
    .addColumn('profile', 'text')
    .addUniqueConstraint('datasets_experiment_name_digest', ['experiment_id', 'name', 'digest'])
    .execute();
  await db.schema.createIndex('datasets_digest').on('datasets').column('digest').execute();

  await db.schema
    .createTable('run_inputs')
    .addColumn('input_uuid', 'text', (c) => c.primaryKey())
    .addColumn('run_uuid', 'text', (c) => c.notNull().references('runs.run_uuid').onDelete('cascade'))
    .addColumn('dataset_uuid', 'text', (c) => c.notNull().references('datasets.dataset_uuid'))
    .addUniqueConstraint('run_inputs_run_dataset', ['run_uuid', 'dataset_uuid'])
    .execute();
  await db.schema.createIndex('run_inputs_dataset').on('run_inputs').column('dataset_uuid').execute();
  await db.schema
    .createTable('input_tags')
    .addColumn('input_uuid', 'text', (c) => c.notNull().references('run_inputs.input_uuid').onDelete('cascade'))
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('value', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('input_tags_pk', ['input_uuid', 'key'])
    .execute();

  await db.schema
    .createTable('logged_models')
    .addColumn('model_id', 'text', (c) => c.primaryKey())
    .addColumn('experiment_id', 'bigint', (c) => c.notNull().references('experiments.experiment_id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('artifact_location', 'text', (c) => c.notNull())
    .addColumn('creation_timestamp_ms', 'bigint', (c) => c.notNull())
    .addColumn('last_updated_timestamp_ms', 'bigint', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('status_message', 'text')
    .addColumn('lifecycle_stage', 'text', (c) => c.notNull())
    .addColumn('model_type', 'text')
    .addColumn('source_run_id', 'text')
    .addColumn('creator_id', 'text')
    .execute();
  await db.schema.createIndex('logged_models_experiment').on('logged_models').columns(['experiment_id', 'creation_timestamp_ms']).execute();
  await db.schema.createIndex('logged_models_source_run').on('logged_models').column('source_run_id').execute();
  for (const table of ['logged_model_tags', 'logged_model_params']) {
    await db.schema
      .createTable(table)
      .addColumn('model_id', 'text', (c) => c.notNull().references('logged_models.model_id').onDelete('cascade'))
      .addColumn('key', 'text', (c) => c.notNull())
      .addColumn('value', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint(`${table}_pk`, ['model_id', 'key'])
      .execute();
  }
  await db.schema
    .createTable('run_model_links')
    .addColumn('run_uuid', 'text', (c) => c.notNull().references('runs.run_uuid').onDelete('cascade'))
    .addColumn('model_id', 'text', (c) => c.notNull())
    .addColumn('direction', 'text', (c) => c.notNull()) // 'input' | 'output'
    .addColumn('step', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('run_model_links_pk', ['run_uuid', 'model_id', 'direction'])
    .execute();
  await db.schema.createIndex('run_model_links_model').on('run_model_links').column('model_id').execute();

  // --- registry -----------------------------------------------------------------------------
  await db.schema
    .createTable('registered_models')
    .addColumn('name', 'text', (c) => c.primaryKey())
    .addColumn('creation_timestamp', 'bigint', (c) => c.notNull())
    .addColumn('last_updated_timestamp', 'bigint', (c) => c.notNull())
    .addColumn('description', 'text')
    .addColumn('user_id', 'text')
    .execute();
  await db.schema
    .createTable('registered_model_tags')
    .addColumn('name', 'text', (c) => c.notNull().references('registered_models.name').onDelete('cascade').onUpdate('cascade'))
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('value', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('registered_model_tags_pk', ['name', 'key'])
    .execute();
  await db.schema
    .createTable('model_versions')
    .addColumn('name', 'text', (c) => c.notNull().references('registered_models.name').onDelete('cascade').onUpdate('cascade'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('creation_timestamp', 'bigint', (c) => c.notNull())
    .addColumn('last_updated_timestamp', 'bigint', (c) => c.notNull())
    .addColumn('description', 'text')
    .addColumn('user_id', 'text')
    .addColumn('current_stage', 'text', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('storage_location', 'text')
    .addColumn('run_id', 'text')
    .addColumn('run_link', 'text')
    .addColumn('model_id', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('status_message', 'text')
    // Parsed MLmodel (flavors, signature, input example info, size) as JSON; null when unreadable.
    .addColumn('mlmodel_json', 'text')
    .addColumn('deleted_time', 'bigint')
    .addPrimaryKeyConstraint('model_versions_pk', ['name', 'version'])
    .execute();
  await db.schema.createIndex('model_versions_run').on('model_versions').column('run_id').execute();
  await db.schema.createIndex('model_versions_model_id').on('model_versions').column('model_id').execute();
  await db.schema.createIndex('model_versions_updated').on('model_versions').columns(['last_updated_timestamp', 'name', 'version']).execute();
  await db.schema
    .createTable('model_version_tags')
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('value', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('model_version_tags_pk', ['name', 'version', 'key'])
    .addForeignKeyConstraint('model_version_tags_version', ['name', 'version'], 'model_versions', ['name', 'version'], (fk) =>
      fk.onDelete('cascade').onUpdate('cascade'),
    )
    .execute();
  await db.schema
    .createTable('registered_model_aliases')
    .addColumn('name', 'text', (c) => c.notNull().references('registered_models.name').onDelete('cascade').onUpdate('cascade'))
    .addColumn('alias', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('registered_model_aliases_pk', ['name', 'alias'])
    .execute();

  // --- environments and deployments -----------------------------------------------------------
  await db.schema
    .createTable('environments')
    .addColumn('name', 'text', (c) => c.primaryKey())
    .addColumn('display_order', 'integer', (c) => c.notNull())
    .addColumn('protected', 'integer', (c) => c.notNull())
    // JSON array of the registry aliases this environment owns (only promotions may move them).
    .addColumn('owned_aliases', 'text', (c) => c.notNull())
    .addColumn('description', 'text')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();
  for (const [name, order, isProtected, description] of [
    ['staging', 1, 0, 'Pre-production; gates only, no approval.'],
    ['production', 2, 1, 'Live traffic; gates plus one approval by an approver who is not the requester.'],
  ] as const) {
    await db
      .insertInto('environments')
      .values({ name, display_order: order, protected: isProtected, owned_aliases: JSON.stringify([name]), description, created_at: now, updated_at: now })
      .execute();
  }

  await db.schema
    .createTable('deployments')
    .addColumn('id', id.type, id.build)
    .addColumn('model_name', 'text', (c) => c.notNull().references('registered_models.name').onUpdate('cascade'))
    .addColumn('environment', 'text', (c) => c.notNull().references('environments.name'))
    .addColumn('stable_version', 'integer')
    .addColumn('canary_version', 'integer')
    .addColumn('canary_weight', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('status', 'text', (c) => c.notNull())
    // Incremented by every change: apply compares it to the revision the request was made against.
    .addColumn('revision', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('updated_by', 'text')
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .addUniqueConstraint('deployments_model_environment', ['model_name', 'environment'])
    .execute();
  await db.schema
    .createTable('deployment_history')
    .addColumn('id', id.type, id.build)
    .addColumn('deployment_id', 'bigint', (c) => c.notNull().references('deployments.id').onDelete('cascade'))
    .addColumn('revision', 'integer', (c) => c.notNull())
    .addColumn('stable_version', 'integer')
    .addColumn('canary_version', 'integer')
    .addColumn('canary_weight', 'integer', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('change', 'text', (c) => c.notNull()) // promote | canary-start | canary-step | canary-promote | canary-abort | rollback
    .addColumn('request_id', 'text')
    .addColumn('changed_by', 'text', (c) => c.notNull())
    .addColumn('changed_at', 'bigint', (c) => c.notNull())
    .addColumn('justification', 'text')
    .addUniqueConstraint('deployment_history_revision', ['deployment_id', 'revision'])
    .execute();
  await db.schema.createIndex('deployment_history_changed_at').on('deployment_history').columns(['deployment_id', 'changed_at']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    'deployment_history', 'deployments', 'environments',
    'registered_model_aliases', 'model_version_tags', 'model_versions', 'registered_model_tags', 'registered_models',
    'run_model_links', 'logged_model_params', 'logged_model_tags', 'logged_models',
    'input_tags', 'run_inputs', 'datasets', 'latest_metrics', 'metrics', 'params', 'run_tags', 'runs',
    'experiment_tags', 'experiments',
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
