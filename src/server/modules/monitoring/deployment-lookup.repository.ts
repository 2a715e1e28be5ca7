import type { Db } from '../../db/database';

/**
 * Read-only views of the deployments and registry tables that monitoring needs: what a
 * deployment serves now and what it served when (deployment_history), and the model's versions.
 */
export interface DeploymentView {
  id: number;
  modelName: string;
  environment: string;
  stableVersion: number | null;
  canaryVersion: number | null;
  canaryWeight: number;
}

export interface HistoryEntry {
  at: number;
  change: string;
  stableVersion: number | null;
  canaryVersion: number | null;
  canaryWeight: number;
}

const toView = (row: { id: number; model_name: string; environment: string; stable_version: number | null; canary_version: number | null; canary_weight: number }): DeploymentView => ({
  id: Number(row.id),
  modelName: row.model_name,
  environment: row.environment,
  stableVersion: row.stable_version,
  canaryVersion: row.canary_version,
  canaryWeight: row.canary_weight,
});

export async function findDeployment(db: Db, id: number): Promise<DeploymentView | null> {
  const row = await db.selectFrom('deployments').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? toView(row) : null;
}

export async function listDeployments(db: Db): Promise<DeploymentView[]> {
  const rows = await db.selectFrom('deployments').selectAll().orderBy('model_name').orderBy('environment').execute();
  return rows.map(toView);
}

export async function deploymentHistory(db: Db, deploymentId: number): Promise<HistoryEntry[]> {
  const rows = await db
    .selectFrom('deployment_history')
    .select(['changed_at', 'change', 'stable_version', 'canary_version', 'canary_weight'])
    .where('deployment_id', '=', deploymentId)
    .orderBy('changed_at')
    .orderBy('revision')
    .execute();
  return rows.map((r) => ({ at: r.changed_at, change: r.change, stableVersion: r.stable_version, canaryVersion: r.canary_version, canaryWeight: r.canary_weight }));
}

export async function liveModelVersions(db: Db, modelName: string): Promise<Set<number>> {
  const rows = await db.selectFrom('model_versions').select('version').where('name', '=', modelName).where('deleted_time', 'is', null).execute();
  return new Set(rows.map((r) => r.version));
}

export async function deploymentIdsOfModel(db: Db, modelName: string): Promise<number[]> {
  const rows = await db.selectFrom('deployments').select('id').where('model_name', '=', modelName).execute();
  return rows.map((r) => Number(r.id));
}
