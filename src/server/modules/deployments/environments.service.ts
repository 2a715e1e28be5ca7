import type { Environment } from '../../../shared/contract/deployments';
import type { DatabaseHandle, Db } from '../../db/database';
import { inTransaction } from '../../db/transaction';
import { alreadyExists, invalidParameter, notFound } from '../../errors';
import { appendAudit, type AuditContext } from '../audit/audit.service';
import { policyScope, toPolicyEntry, upsertPolicyRow } from '../promotions/policies.repository';
import { defaultPolicyFor } from '../promotions/policy-defaults';
import { findEnvironmentRow, insertEnvironmentRow, listEnvironmentRows, toEnvironment, updateEnvironmentRow } from './environments.repository';

/** An alias belongs to one environment at most, or two environments would fight over it. */
async function assertAliasesFree(tx: Db, aliases: string[], exceptEnvironment: string | null) {
  if (new Set(aliases).size !== aliases.length) throw invalidParameter('An alias is listed twice', [{ path: 'body.ownedAliases', message: 'has duplicates' }]);
  for (const row of await listEnvironmentRows(tx)) {
    if (row.name === exceptEnvironment) continue;
    const taken = (JSON.parse(row.owned_aliases) as string[]).find((a) => aliases.includes(a));
    if (taken) throw invalidParameter(`The alias "${taken}" is already owned by ${row.name}`, [{ path: 'body.ownedAliases', message: `"${taken}" belongs to ${row.name}` }]);
  }
}

export async function createEnvironment(
  database: DatabaseHandle,
  input: { name: string; order: number; protected: boolean; ownedAliases: string[]; description: string | null },
  context: AuditContext,
): Promise<Environment> {
  return inTransaction(database, async (tx) => {
    if (await findEnvironmentRow(tx, input.name)) throw alreadyExists(`An environment named "${input.name}" already exists`);
    await assertAliasesFree(tx, input.ownedAliases, null);
    const environment = toEnvironment(await insertEnvironmentRow(tx, input));
    await appendAudit(tx, context, { action: 'environment.created', entityType: 'environment', entityId: environment.name, after: environment });
    const policy = toPolicyEntry(await upsertPolicyRow(tx, { environment: input.name, modelName: null, policy: defaultPolicyFor(input.protected), by: context.actor.name }));
    await appendAudit(tx, context, { action: 'policy.created', entityType: 'policy', entityId: policyScope(input.name, null), after: policy.policy });
    return environment;
  });
}

export async function updateEnvironment(
  database: DatabaseHandle,
  name: string,
  changes: { order?: number | undefined; protected?: boolean | undefined; ownedAliases?: string[] | undefined; description?: string | null | undefined },
  context: AuditContext,
): Promise<Environment> {
  return inTransaction(database, async (tx) => {
    const before = await findEnvironmentRow(tx, name);
    if (!before) throw notFound(`No environment named "${name}"`);
    if (changes.ownedAliases) await assertAliasesFree(tx, changes.ownedAliases, name);
    const after = toEnvironment(await updateEnvironmentRow(tx, name, changes));
    await appendAudit(tx, context, { action: 'environment.updated', entityType: 'environment', entityId: name, before: toEnvironment(before), after });
    return after;
  });
}
