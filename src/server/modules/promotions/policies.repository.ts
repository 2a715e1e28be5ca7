import type { Policy, PolicyEntry } from '../../../shared/contract/promotion-policies';
import type { Db } from '../../db/database';

export const policyScope = (environment: string, modelName: string | null) => (modelName ? `${environment}/${modelName}` : environment);

type PolicyRow = { scope: string; environment: string; model_name: string | null; policy_json: string; updated_by: string | null; updated_at: number };

export function toPolicyEntry(row: PolicyRow): PolicyEntry {
  return {
    scope: row.scope,
    environment: row.environment,
    modelName: row.model_name,
    policy: JSON.parse(row.policy_json) as Policy,
    updatedBy: row.updated_by,
    updatedAt: new Date(row.updated_at).toISOString(),
  };
}

/** In the environments' promotion order, each environment's policy before its model overrides. */
export function listPolicyRows(db: Db) {
  return db
    .selectFrom('policies as p')
    .innerJoin('environments as e', 'e.name', 'p.environment')
    .selectAll('p')
    .orderBy('e.display_order')
    .orderBy('p.environment')
    .orderBy('p.scope')
    .execute();
}

export function findPolicyRow(db: Db, scope: string) {
  return db.selectFrom('policies').selectAll().where('scope', '=', scope).executeTakeFirst();
}

/** The policy that governs a model in an environment: its override, else the environment's. */
export async function effectivePolicyRow(db: Db, environment: string, modelName: string) {
  const rows = await db.selectFrom('policies').selectAll().where('scope', 'in', [environment, policyScope(environment, modelName)]).execute();
  return rows.find((r) => r.model_name === modelName) ?? rows.find((r) => r.model_name === null);
}

export async function upsertPolicyRow(tx: Db, input: { environment: string; modelName: string | null; policy: Policy; by: string }) {
  const scope = policyScope(input.environment, input.modelName);
  const values = { policy_json: JSON.stringify(input.policy), updated_by: input.by, updated_at: Date.now() };
  await tx
    .insertInto('policies')
    .values({ scope, environment: input.environment, model_name: input.modelName, ...values })
    .onConflict((oc) => oc.column('scope').doUpdateSet(values))
    .execute();
  return (await findPolicyRow(tx, scope)) as PolicyRow;
}

export async function deletePolicyRow(tx: Db, scope: string): Promise<void> {
  await tx.deleteFrom('policies').where('scope', '=', scope).execute();
}
