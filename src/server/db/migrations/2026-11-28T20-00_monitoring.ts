import type { Kysely } from 'kysely';
import { autoId, isPostgres } from './kit';

/**
 * Monitoring: reference profiles per model version, per-window aggregates of prediction events
 * (raw events are not kept), the id index that joins late labels, drift settings, alert rules
 * and alerts.
 */
export async function up(db: Kysely<any>): Promise<void> {
  const id = autoId(db);
  const blob = isPostgres(db) ? 'bytea' : 'blob';
  const now = Date.now();

  await db.schema
    .createTable('reference_profiles')
    .addColumn('id', id.type, id.build)
    .addColumn('model_name', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('active', 'integer', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull()) // upload | baseline | dataset
    .addColumn('source_name', 'text', (c) => c.notNull())
    .addColumn('row_count', 'bigint', (c) => c.notNull())
    .addColumn('profile_json', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('reference_profiles_version').on('reference_profiles').columns(['model_name', 'version', 'active']).execute();

  await db.schema
    .createTable('reference_baselines')
    .addColumn('model_name', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('target_count', 'integer', (c) => c.notNull())
    .addColumn('collected_count', 'integer', (c) => c.notNull())
    .addColumn('state_json', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('reference_baselines_pk', ['model_name', 'version'])
    .execute();

  // One row per deployment × version × granularity (60 s, 1 h, 1 d) × window start.
  await db.schema
    .createTable('monitor_windows')
    .addColumn('deployment_id', 'bigint', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('granularity', 'integer', (c) => c.notNull())
    .addColumn('window_start', 'bigint', (c) => c.notNull())
    .addColumn('profile_id', 'bigint')
    .addColumn('event_count', 'bigint', (c) => c.notNull())
    .addColumn('error_count', 'bigint', (c) => c.notNull())
    .addColumn('latency', blob, (c) => c.notNull())
    .addColumn('features', blob)
    .addColumn('performance', 'text')
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('monitor_windows_pk', ['deployment_id', 'granularity', 'version', 'window_start'])
    .execute();

  await db.schema
    .createTable('prediction_index')
    .addColumn('deployment_id', 'bigint', (c) => c.notNull())
    .addColumn('event_id', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('window_start', 'bigint', (c) => c.notNull())
    .addColumn('prediction', 'text', (c) => c.notNull())
    .addColumn('labelled', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('prediction_index_pk', ['deployment_id', 'event_id'])
    .execute();
  await db.schema.createIndex('prediction_index_created').on('prediction_index').column('created_at').execute();

  await db.schema
    .createTable('drift_settings')
    .addColumn('deployment_id', 'bigint', (c) => c.primaryKey())
    .addColumn('settings_json', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('alert_rules')
    .addColumn('id', id.type, id.build)
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('metric', 'text', (c) => c.notNull())
    .addColumn('operator', 'text', (c) => c.notNull())
    .addColumn('threshold', 'double precision', (c) => c.notNull())
    .addColumn('window_minutes', 'integer', (c) => c.notNull())
    .addColumn('consecutive', 'integer', (c) => c.notNull())
    .addColumn('deployment_id', 'bigint')
    .addColumn('version_role', 'text', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('enabled', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();
  // The examples of the monitoring issue, so a new install alerts on something sensible.
  const rules = [
    ['PSI of any feature > 0.2 for 3 hourly windows', 'feature_psi', '>', 0.2, 60, 3, 'any', 'retrain'],
    ['p99 latency > 300 ms for 5 minutes', 'latency_p99', '>', 300, 1, 5, 'any', 'rollback'],
    ['Dataset drift share ≥ 0.5', 'drift_share', '>=', 0.5, 60, 1, 'any', 'investigate'],
  ] as const;
  for (const [name, metric, operator, threshold, windowMinutes, consecutive, versionRole, action] of rules) {
    await db
      .insertInto('alert_rules')
      .values({ name, metric, operator, threshold, window_minutes: windowMinutes, consecutive, deployment_id: null, version_role: versionRole, action, enabled: 1, created_at: now, updated_at: now })
      .execute();
  }

  await db.schema
    .createTable('alerts')
    .addColumn('id', id.type, id.build)
    .addColumn('rule_id', 'bigint', (c) => c.notNull())
    .addColumn('deployment_id', 'bigint', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('subject', 'text', (c) => c.notNull()) // '' when the rule is not about one feature
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('metric', 'text', (c) => c.notNull())
    .addColumn('value', 'double precision', (c) => c.notNull())
    .addColumn('threshold', 'double precision', (c) => c.notNull())
    .addColumn('message', 'text', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('opened_at', 'bigint', (c) => c.notNull())
    .addColumn('resolved_at', 'bigint')
    .execute();
  await db.schema.createIndex('alerts_status').on('alerts').columns(['status', 'deployment_id']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['alerts', 'alert_rules', 'drift_settings', 'prediction_index', 'monitor_windows', 'reference_baselines', 'reference_profiles']) {
    await db.schema.dropTable(table).execute();
  }
}
