import type { AlertRule } from '../../../shared/contract/monitoring-alerts';
import type { DatabaseHandle, Db } from '../../db/database';
import { inTransaction } from '../../db/transaction';
import { appendAudit, type AuditContext, systemContext } from '../audit/audit.service';
import { enqueueWebhookEvent } from '../webhooks/outbox';
import { alertTransitions } from './alert-evaluation';
import { ruleSeries } from './alert-metrics';
import { type AlertRow, insertAlert, listRules, openAlerts, resolveAlertRow } from './alerts.repository';
import { type DeploymentView, findDeployment, listDeployments } from './deployment-lookup.repository';
import type { DriftStatistics } from './drift-engine';
import { findDriftSettings } from './drift-settings.repository';

export type AlertTransition = { kind: 'open'; alert: Omit<AlertRow, 'id'> } | { kind: 'resolve'; alert: AlertRow; at: number };

/**
 * The one place an alert opens or resolves: the alert row, its audit event and its webhook
 * notification (`monitoring.alert.opened` / `monitoring.alert.resolved`, via the outbox) are
 * written in the caller's transaction, so an alert and its notification commit together.
 */
export async function recordAlertTransition(tx: Db, context: AuditContext, transition: AlertTransition): Promise<AlertRow | undefined> {
  const row = transition.kind === 'open' ? await insertAlert(tx, transition.alert) : await resolveAlertRow(tx, transition.alert.id, transition.at);
  if (!row) return undefined;
  const view = { ruleId: row.rule_id, deploymentId: row.deployment_id, version: row.version, subject: row.subject || null, metric: row.metric, value: row.value, threshold: row.threshold, action: row.action, message: row.message };
  await appendAudit(tx, context, {
    action: transition.kind === 'open' ? 'monitoring.alert-opened' : 'monitoring.alert-resolved',
    entityType: 'alert',
    entityId: String(row.id),
    ...(transition.kind === 'open' ? { after: view } : { before: view, after: { status: 'resolved' } }),
  });
  const deployment = await findDeployment(tx, row.deployment_id);
  await enqueueWebhookEvent(tx, {
    type: transition.kind === 'open' ? 'monitoring.alert.opened' : 'monitoring.alert.resolved',
    payload: {
      alertId: String(row.id),
      status: row.status,
      modelName: deployment?.modelName ?? null,
      environment: deployment?.environment ?? null,
      ...view,
      deploymentId: String(row.deployment_id),
      openedAt: new Date(row.opened_at).toISOString(),
      resolvedAt: row.resolved_at === null ? null : new Date(row.resolved_at).toISOString(),
    },
  });
  return row;
}

function versionsFor(rule: AlertRule, deployment: DeploymentView): number[] {
  const stable = deployment.stableVersion;
  const canary = deployment.canaryVersion;
  const picked = rule.versionRole === 'stable' ? [stable] : rule.versionRole === 'canary' ? [canary] : [stable, canary];
  return picked.filter((v): v is number => v !== null);
}

function describe(rule: AlertRule, subject: string, value: number, version: number): string {
  const shown = rule.metric.startsWith('latency') ? `${Math.round(value)} ms` : rule.metric === 'error_rate' || rule.metric === 'drift_share' ? `${(value * 100).toFixed(1)} %` : value.toFixed(3);
  const what = rule.metric === 'feature_psi' ? `PSI of "${subject}"` : rule.metric.replace('_', ' ').replace('latency ', 'latency ');
  const limit = rule.metric.startsWith('latency') ? `${rule.threshold} ms` : String(rule.threshold);
  return `${what} ${shown} ${rule.operator} ${limit} for ${rule.consecutive} × ${rule.windowMinutes} min (version ${version})`;
}

/** Evaluates every enabled rule on the latest closed windows; opens and resolves alerts. */
export async function evaluateAlerts(database: DatabaseHandle, statistics: DriftStatistics, now = Date.now(), onlyDeployment?: number): Promise<{ opened: number; resolved: number }> {
  const rules = (await listRules(database.db)).filter((r) => r.enabled);
  const deployments = (await listDeployments(database.db)).filter((d) => onlyDeployment === undefined || d.id === onlyDeployment);
  let opened = 0;
  let resolved = 0;
  for (const rule of rules) {
    for (const deployment of deployments) {
      if (rule.deploymentId !== null && Number(rule.deploymentId) !== deployment.id) continue;
      const settings = await findDriftSettings(database.db, deployment.id);
      const open = await openAlerts(database.db, { ruleId: Number(rule.id), deploymentId: deployment.id });
      const serving = versionsFor(rule, deployment);
      for (const version of serving) {
        const series = await ruleSeries(database.db, statistics, rule, { deploymentId: deployment.id, version, settings }, now);
        const openHere = open.filter((a) => a.version === version);
        const { toOpen, toResolve } = alertTransitions(rule, series, new Set(openHere.map((a) => a.subject)));
        if (toOpen.length === 0 && toResolve.length === 0) continue;
        await inTransaction(database, async (tx) => {
          for (const { subject, value } of toOpen) {
            const alert = { rule_id: Number(rule.id), deployment_id: deployment.id, version, subject, status: 'open', metric: rule.metric, value, threshold: rule.threshold, message: describe(rule, subject, value, version), action: rule.action, opened_at: now, resolved_at: null };
            if (await recordAlertTransition(tx, systemContext, { kind: 'open', alert })) opened += 1;
          }
          for (const subject of toResolve) {
            const alert = openHere.find((a) => a.subject === subject);
            if (alert && (await recordAlertTransition(tx, systemContext, { kind: 'resolve', alert, at: now }))) resolved += 1;
          }
        });
      }
      // Versions that stopped serving resolve their alerts.
      const stale = open.filter((a) => !serving.includes(a.version));
      if (stale.length > 0) {
        await inTransaction(database, async (tx) => {
          for (const alert of stale) if (await recordAlertTransition(tx, systemContext, { kind: 'resolve', alert, at: now })) resolved += 1;
        });
      }
    }
  }
  return { opened, resolved };
}
