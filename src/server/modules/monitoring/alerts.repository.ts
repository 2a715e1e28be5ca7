import type { Alert, AlertRule, AlertRuleInput } from '../../../shared/contract/monitoring-alerts';
import type { Db } from '../../db/database';
import type { AlertRulesTable, AlertsTable } from './monitoring.tables';

type RuleRow = Omit<AlertRulesTable, 'id'> & { id: number };

export function toAlertRule(row: RuleRow): AlertRule {
  return {
    id: String(row.id),
    name: row.name,
    metric: row.metric as AlertRule['metric'],
    operator: row.operator as AlertRule['operator'],
    threshold: row.threshold,
    windowMinutes: row.window_minutes as AlertRule['windowMinutes'],
    consecutive: row.consecutive,
    deploymentId: row.deployment_id === null ? null : String(row.deployment_id),
    versionRole: row.version_role as AlertRule['versionRole'],
    action: row.action as AlertRule['action'],
    enabled: row.enabled === 1,
    createdAt: new Date(row.created_at).toISOString(),
    updatedAt: new Date(row.updated_at).toISOString(),
  };
}

const ruleValues = (input: AlertRuleInput) => ({
  name: input.name,
  metric: input.metric,
  operator: input.operator,
  threshold: input.threshold,
  window_minutes: input.windowMinutes,
  consecutive: input.consecutive,
  deployment_id: input.deploymentId === null ? null : Number(input.deploymentId),
  version_role: input.versionRole,
  action: input.action,
  enabled: input.enabled ? 1 : 0,
});

export async function listRules(db: Db): Promise<AlertRule[]> {
  return (await db.selectFrom('alert_rules').selectAll().orderBy('id').execute()).map(toAlertRule);
}

export async function findRule(db: Db, id: number): Promise<AlertRule | null> {
  const row = await db.selectFrom('alert_rules').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? toAlertRule(row) : null;
}

export async function insertRule(db: Db, input: AlertRuleInput): Promise<AlertRule> {
  const now = Date.now();
  const row = await db.insertInto('alert_rules').values({ ...ruleValues(input), created_at: now, updated_at: now }).returningAll().executeTakeFirstOrThrow();
  return toAlertRule(row);
}

export async function updateRule(db: Db, id: number, input: AlertRuleInput): Promise<AlertRule> {
  const row = await db.updateTable('alert_rules').set({ ...ruleValues(input), updated_at: Date.now() }).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
  return toAlertRule(row);
}

export async function deleteRule(db: Db, id: number): Promise<void> {
  await db.deleteFrom('alert_rules').where('id', '=', id).execute();
}

// --- alerts --------------------------------------------------------------------------------------

export type AlertRow = Omit<AlertsTable, 'id'> & { id: number };

export async function openAlerts(db: Db, filter: { ruleId?: number; deploymentId?: number } = {}): Promise<AlertRow[]> {
  let query = db.selectFrom('alerts').selectAll().where('status', '=', 'open');
  if (filter.ruleId !== undefined) query = query.where('rule_id', '=', filter.ruleId);
  if (filter.deploymentId !== undefined) query = query.where('deployment_id', '=', filter.deploymentId);
  return query.execute();
}

export async function insertAlert(db: Db, alert: Omit<AlertRow, 'id'>): Promise<AlertRow> {
  return db.insertInto('alerts').values(alert).returningAll().executeTakeFirstOrThrow();
}

export async function resolveAlertRow(db: Db, id: number, at: number): Promise<AlertRow | undefined> {
  return db.updateTable('alerts').set({ status: 'resolved', resolved_at: at }).where('id', '=', id).where('status', '=', 'open').returningAll().executeTakeFirst();
}

/**
 * Alerts newest first. `openAt` (epoch ms) asks for those open at that moment instead of a
 * status: opened at or before it, and resolved after it or not yet.
 */
export async function listAlerts(db: Db, filter: { status: 'open' | 'resolved' | 'all'; deploymentId?: number; limit: number; openAt?: number }): Promise<Alert[]> {
  let query = db
    .selectFrom('alerts')
    .innerJoin('deployments', 'deployments.id', 'alerts.deployment_id')
    .leftJoin('alert_rules', 'alert_rules.id', 'alerts.rule_id')
    .selectAll('alerts')
    .select(['deployments.model_name', 'deployments.environment', 'alert_rules.name as rule_name'])
    .orderBy('alerts.opened_at', 'desc')
    .orderBy('alerts.id', 'desc')
    .limit(filter.limit);
  if (filter.openAt !== undefined) {
    const at = filter.openAt;
    query = query.where('alerts.opened_at', '<=', at).where((eb) => eb.or([eb('alerts.resolved_at', 'is', null), eb('alerts.resolved_at', '>', at)]));
  } else if (filter.status !== 'all') query = query.where('alerts.status', '=', filter.status);
  if (filter.deploymentId !== undefined) query = query.where('alerts.deployment_id', '=', filter.deploymentId);
  const rows = await query.execute();
  return rows.map((row) => ({
    id: String(row.id),
    ruleId: String(row.rule_id),
    ruleName: row.rule_name ?? '(deleted rule)',
    deploymentId: String(row.deployment_id),
    modelName: row.model_name,
    environment: row.environment,
    version: String(row.version),
    subject: row.subject === '' ? null : row.subject,
    status: row.status as Alert['status'],
    metric: row.metric as Alert['metric'],
    value: row.value,
    threshold: row.threshold,
    message: row.message,
    action: row.action as Alert['action'],
    openedAt: new Date(row.opened_at).toISOString(),
    resolvedAt: row.resolved_at === null ? null : new Date(row.resolved_at).toISOString(),
  }));
}

export async function countOpenAlerts(db: Db, deploymentId: number): Promise<number> {
  const row = await db
    .selectFrom('alerts')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('status', '=', 'open')
    .where('deployment_id', '=', deploymentId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
