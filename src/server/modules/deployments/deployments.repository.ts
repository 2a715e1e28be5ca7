import type { Selectable } from 'kysely';
import type { Deployment, HistoryEntry } from '../../../shared/contract/deployments';
import type { Db } from '../../db/database';
import type { DeploymentHistoryTable, DeploymentsTable } from './deployments.tables';

export type DeploymentRow = Selectable<DeploymentsTable>;
type HistoryRow = Selectable<DeploymentHistoryTable>;

const iso = (ms: number) => new Date(ms).toISOString();
/** What serves decides the status (the stored column is redundant with it). */
const statusOf = (stable: number | null, canary: number | null): Deployment['status'] => (canary !== null ? 'canary' : stable !== null ? 'stable' : 'empty');
const parseSteps = (json: string | null) => (json ? (JSON.parse(json) as number[]) : null);

export function toDeployment(row: DeploymentRow): Deployment {
  return {
    id: String(row.id),
    modelName: row.model_name,
    environment: row.environment,
    stableVersion: row.stable_version,
    canaryVersion: row.canary_version,
    canaryWeight: row.canary_weight,
    status: statusOf(row.stable_version, row.canary_version),
    strategy: row.strategy as Deployment['strategy'],
    canarySteps: parseSteps(row.canary_steps),
    revision: row.revision,
    requestId: row.request_id,
    updatedBy: row.updated_by,
    updatedAt: iso(row.updated_at),
  };
}

export function toHistoryEntry(row: HistoryRow): HistoryEntry {
  return {
    revision: row.revision,
    stableVersion: row.stable_version,
    canaryVersion: row.canary_version,
    canaryWeight: row.canary_weight,
    status: statusOf(row.stable_version, row.canary_version),
    change: row.change as HistoryEntry['change'],
    requestId: row.request_id,
    changedBy: row.changed_by,
    changedAt: iso(row.changed_at),
    justification: row.justification,
  };
}

export function listDeploymentRows(db: Db, filters: { model?: string | undefined; environment?: string | undefined }) {
  let query = db.selectFrom('deployments').selectAll().orderBy('model_name').orderBy('environment');
  if (filters.model) query = query.where('model_name', '=', filters.model);
  if (filters.environment) query = query.where('environment', '=', filters.environment);
  return query.execute();
}

export function findDeploymentById(db: Db, id: number) {
  return db.selectFrom('deployments').selectAll().where('id', '=', id).executeTakeFirst();
}

export function findDeployment(db: Db, modelName: string, environment: string) {
  return db.selectFrom('deployments').selectAll().where('model_name', '=', modelName).where('environment', '=', environment).executeTakeFirst();
}

/** The deployment of a model in an environment, created empty (revision 0) the first time. */
export async function ensureDeployment(tx: Db, modelName: string, environment: string, by: string): Promise<DeploymentRow> {
  await tx
    .insertInto('deployments')
    .values({ model_name: modelName, environment, stable_version: null, canary_version: null, canary_weight: 0, status: 'empty', revision: 0, updated_by: by, updated_at: Date.now() })
    .onConflict((oc) => oc.columns(['model_name', 'environment']).doNothing())
    .execute();
  return (await findDeployment(tx, modelName, environment)) as DeploymentRow;
}

/** Newest first. */
export function historyRows(db: Db, deploymentId: number, limit = 500) {
  return db.selectFrom('deployment_history').selectAll().where('deployment_id', '=', deploymentId).orderBy('revision', 'desc').limit(limit).execute();
}

export interface DeploymentChange {
  stableVersion: number | null;
  canaryVersion: number | null;
  canaryWeight: number;
  status: Deployment['status'];
  strategy: Deployment['strategy'];
  canarySteps: number[] | null;
}

/**
 * Moves a deployment to its next state if, and only if, it is still at `baseRevision`: the
 * `WHERE revision = ?` makes concurrent applies of conflicting requests leave exactly one applied
 * (the others update no row). Returns the new row, or null when the deployment moved meanwhile.
 */
export async function updateDeploymentAtRevision(
  tx: Db,
  input: { id: number; baseRevision: number; next: DeploymentChange; change: string; requestId: string; by: string; justification: string | null },
): Promise<DeploymentRow | null> {
  const now = Date.now();
  const { next } = input;
  const result = await tx
    .updateTable('deployments')
    .set({
      stable_version: next.stableVersion,
      canary_version: next.canaryVersion,
      canary_weight: next.canaryWeight,
      status: next.status,
      strategy: next.strategy,
      canary_steps: next.canarySteps ? JSON.stringify(next.canarySteps) : null,
      request_id: input.requestId,
      revision: input.baseRevision + 1,
      updated_by: input.by,
      updated_at: now,
    })
    .where('id', '=', input.id)
    .where('revision', '=', input.baseRevision)
    .executeTakeFirst();
  if (Number(result.numUpdatedRows) !== 1) return null;
  await tx
    .insertInto('deployment_history')
    .values({
      deployment_id: input.id,
      revision: input.baseRevision + 1,
      stable_version: next.stableVersion,
      canary_version: next.canaryVersion,
      canary_weight: next.canaryWeight,
      status: next.status,
      change: input.change,
      request_id: input.requestId,
      changed_by: input.by,
      changed_at: now,
      justification: input.justification,
    })
    .execute();
  return (await findDeploymentById(tx, input.id)) as DeploymentRow;
}

/** Points a registry alias at a version (or removes it); returns the version it pointed at before. */
export async function moveAlias(tx: Db, modelName: string, alias: string, version: number | null): Promise<number | null> {
  const before = await tx
    .selectFrom('registered_model_aliases')
    .select('version')
    .where('name', '=', modelName)
    .where('alias', '=', alias)
    .executeTakeFirst();
  if (version === null) {
    if (before) await tx.deleteFrom('registered_model_aliases').where('name', '=', modelName).where('alias', '=', alias).execute();
  } else if (!before) {
    await tx.insertInto('registered_model_aliases').values({ name: modelName, alias, version }).execute();
  } else if (before.version !== version) {
    await tx.updateTable('registered_model_aliases').set({ version }).where('name', '=', modelName).where('alias', '=', alias).execute();
  }
  return before?.version ?? null;
}

export async function registeredModelExists(db: Db, modelName: string): Promise<boolean> {
  return (await db.selectFrom('registered_models').select('name').where('name', '=', modelName).executeTakeFirst()) !== undefined;
}

/** Where each version's artifacts live (storage location, else source), for manifests. */
export async function versionSources(db: Db, modelName: string, versions: number[]): Promise<Map<number, string>> {
  if (versions.length === 0) return new Map();
  const rows = await db
    .selectFrom('model_versions')
    .select(['version', 'source', 'storage_location'])
    .where('name', '=', modelName)
    .where('version', 'in', versions)
    .execute();
  return new Map(rows.map((r) => [r.version, r.storage_location ?? r.source]));
}
