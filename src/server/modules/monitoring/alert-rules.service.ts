import type { AlertRule, AlertRuleInput } from '../../../shared/contract/monitoring-alerts';
import type { DatabaseHandle } from '../../db/database';
import { inTransaction } from '../../db/transaction';
import { notFound } from '../../errors';
import { appendAudit, type AuditContext } from '../audit/audit.service';
import { deleteRule, findRule, insertRule, openAlerts, updateRule } from './alerts.repository';
import { recordAlertTransition } from './alerts.service';
import { findDeployment } from './deployment-lookup.repository';

async function checkDeployment(database: DatabaseHandle, input: AlertRuleInput) {
  if (input.deploymentId !== null && !(await findDeployment(database.db, Number(input.deploymentId)))) {
    throw notFound(`No deployment with id ${input.deploymentId}`);
  }
}

export async function createAlertRule(database: DatabaseHandle, input: AlertRuleInput, context: AuditContext): Promise<AlertRule> {
  await checkDeployment(database, input);
  return inTransaction(database, async (tx) => {
    const rule = await insertRule(tx, input);
    await appendAudit(tx, context, { action: 'monitoring.alert-rule-created', entityType: 'alert-rule', entityId: rule.id, after: input });
    return rule;
  });
}

export async function changeAlertRule(database: DatabaseHandle, id: number, input: AlertRuleInput, context: AuditContext): Promise<AlertRule> {
  await checkDeployment(database, input);
  return inTransaction(database, async (tx) => {
    const before = await findRule(tx, id);
    if (!before) throw notFound(`No alert rule with id ${id}`);
    const rule = await updateRule(tx, id, input);
    await appendAudit(tx, context, { action: 'monitoring.alert-rule-changed', entityType: 'alert-rule', entityId: rule.id, before, after: input });
    return rule;
  });
}

/** Deleting a rule resolves the alerts it opened. */
export async function removeAlertRule(database: DatabaseHandle, id: number, context: AuditContext): Promise<void> {
  await inTransaction(database, async (tx) => {
    const before = await findRule(tx, id);
    if (!before) throw notFound(`No alert rule with id ${id}`);
    const now = Date.now();
    for (const alert of await openAlerts(tx, { ruleId: id })) await recordAlertTransition(tx, context, { kind: 'resolve', alert, at: now });
    await deleteRule(tx, id);
    await appendAudit(tx, context, { action: 'monitoring.alert-rule-deleted', entityType: 'alert-rule', entityId: String(id), before });
  });
}
