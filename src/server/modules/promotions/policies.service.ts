import type { Policy, PolicyEntry } from '../../../shared/contract/promotion-policies';
import { can } from '../../../shared/permissions';
import type { Config } from '../../config/env';
import type { DatabaseHandle } from '../../db/database';
import { inTransaction } from '../../db/transaction';
import { invalidParameter, notFound } from '../../errors';
import { appendAudit, type AuditContext } from '../audit/audit.service';
import { registeredModelExists } from '../deployments/deployments.repository';
import { findEnvironmentRow } from '../deployments/environments.repository';
import { outboundPolicyOf, validateOutboundUrl } from '../webhooks/webhooks.service';
import { deletePolicyRow, findPolicyRow, policyScope, toPolicyEntry, upsertPolicyRow } from './policies.repository';

/** Roles named by a policy must hold the matching permission, or the policy could never be satisfied. */
async function validatePolicy(policy: Policy, config: Config): Promise<void> {
  const badApprover = policy.approverRoles.find((role) => !can(role, 'promotions:approve'));
  if (badApprover) {
    throw invalidParameter(`${badApprover} cannot approve (only roles with the promotions:approve permission can)`, [{ path: 'body.approverRoles', message: `${badApprover} cannot approve` }]);
  }
  const badRollback = policy.rollback.allowedRoles.find((role) => !can(role, 'promotions:request'));
  if (badRollback) {
    throw invalidParameter(`${badRollback} cannot request rollbacks`, [{ path: 'body.rollback.allowedRoles', message: `${badRollback} cannot roll back` }]);
  }
  for (const [index, gate] of policy.gates.entries()) {
    if (gate.type === 'webhook-check') await validateOutboundUrl(gate.url, outboundPolicyOf(config), `body.gates.${index}.url`);
  }
}

export async function putPolicy(
  deps: { database: DatabaseHandle; config: Config },
  target: { environment: string; modelName: string | null },
  policy: Policy,
  context: AuditContext,
): Promise<PolicyEntry> {
  const { database } = deps;
  if (!(await findEnvironmentRow(database.db, target.environment))) throw notFound(`No environment named "${target.environment}"`);
  if (target.modelName && !(await registeredModelExists(database.db, target.modelName))) throw notFound(`No registered model named "${target.modelName}"`);
  await validatePolicy(policy, deps.config);
  const scope = policyScope(target.environment, target.modelName);
  return inTransaction(database, async (tx) => {
    const before = await findPolicyRow(tx, scope);
    const entry = toPolicyEntry(await upsertPolicyRow(tx, { ...target, policy, by: context.actor.name }));
    await appendAudit(tx, context, {
      action: before ? 'policy.updated' : 'policy.created',
      entityType: 'policy',
      entityId: scope,
      before: before ? toPolicyEntry(before).policy : undefined,
      after: entry.policy,
    });
    return entry;
  });
}

export async function deleteModelPolicy(database: DatabaseHandle, environment: string, modelName: string, context: AuditContext): Promise<void> {
  const scope = policyScope(environment, modelName);
  await inTransaction(database, async (tx) => {
    const before = await findPolicyRow(tx, scope);
    if (!before) throw notFound(`${modelName} has no policy override in ${environment}`);
    await deletePolicyRow(tx, scope);
    await appendAudit(tx, context, { action: 'policy.deleted', entityType: 'policy', entityId: scope, before: toPolicyEntry(before).policy });
  });
}
