import type { Db } from '../../db/database';

/**
 * Test-only: a registered model with versions and a deployment serving a stable and a canary
 * version (the registry and deployments APIs are other modules'), written straight to the tables.
 */
export async function seedDeployment(
  db: Db,
  options: { model?: string; versions?: number[]; stable?: number; canary?: number | null; canaryWeight?: number; since?: number } = {},
): Promise<{ deploymentId: number; model: string }> {
  const model = options.model ?? 'churn';
  const now = Date.now();
  const since = options.since ?? now - 40 * 86_400_000;
  await db.insertInto('registered_models').values({ name: model, creation_timestamp: since, last_updated_timestamp: since, description: null, user_id: 'test' }).execute();
  for (const version of options.versions ?? [1, 2, 3]) {
    await db
      .insertInto('model_versions')
      .values({ name: model, version, creation_timestamp: since, last_updated_timestamp: since, description: null, user_id: 'test', current_stage: 'None', source: `models:/${model}/${version}`, storage_location: null, run_id: null, run_link: null, model_id: null, status: 'READY', status_message: null, mlmodel_json: null, deleted_time: null })
      .execute();
  }
  const stable = options.stable ?? 1;
  const canary = options.canary === undefined ? 2 : options.canary;
  const weight = canary === null ? 0 : (options.canaryWeight ?? 10);
  const row = await db
    .insertInto('deployments')
    .values({ model_name: model, environment: 'production', stable_version: stable, canary_version: canary, canary_weight: weight, status: 'active', revision: 2, updated_by: 'test', updated_at: now })
    .returning('id')
    .executeTakeFirstOrThrow();
  const deploymentId = Number(row.id);
  await db
    .insertInto('deployment_history')
    .values([
      { deployment_id: deploymentId, revision: 1, stable_version: stable, canary_version: null, canary_weight: 0, status: 'active', change: 'promote', request_id: null, changed_by: 'test', changed_at: since, justification: null },
      { deployment_id: deploymentId, revision: 2, stable_version: stable, canary_version: canary, canary_weight: weight, status: 'active', change: 'canary-start', request_id: null, changed_by: 'test', changed_at: now - 36 * 3_600_000, justification: null },
    ])
    .execute();
  return { deploymentId, model };
}
