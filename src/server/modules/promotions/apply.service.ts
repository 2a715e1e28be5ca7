import type { Deployment } from '../../../shared/contract/deployments';
import type { Policy } from '../../../shared/contract/promotion-policies';
import { decide } from '../../../shared/lib/promotion-state-machine';
import type { Config } from '../../config/env';
import type { DatabaseHandle, Db } from '../../db/database';
import { inTransaction } from '../../db/transaction';
import { conflict, notFound } from '../../errors';
import { appendAudit, type AuditContext } from '../audit/audit.service';
import type { Principal } from '../auth/principal';
import { findDeploymentById, moveAlias, toDeployment, updateDeploymentAtRevision } from '../deployments/deployments.repository';
import { findEnvironmentRow } from '../deployments/environments.repository';
import { enqueueWebhookEvent } from '../webhooks/outbox';
import { outboundPolicyOf } from '../webhooks/webhooks.service';
import { gateFailureReason, checkGates } from './gate-check';
import { gatesPassed } from './gate-registry';
import { aliasTargets, applyPlan, type RequestPlan } from './promotion-plans';
import type { PromotionRequestRow } from './promotions.tables';
import { actorFacts, requestFacts } from './request-facts';
import { expireIfOverdue, markFailed, recordTransition } from './request-transitions';
import { requireAllowed } from './refusals';
import { decisionRows, findRequestRow, toPromotionRequest, updateRequestRow } from './requests.repository';

export interface PromotionDeps {
  database: DatabaseHandle;
  config: Config;
}

class DeploymentMoved extends Error {}

const planOf = (row: PromotionRequestRow): RequestPlan => ({
  kind: row.kind as RequestPlan['kind'],
  version: row.version,
  strategy: row.strategy as RequestPlan['strategy'],
  canarySteps: row.canary_steps ? (JSON.parse(row.canary_steps) as number[]) : null,
  targetWeight: row.target_weight,
});

/** The deployment as the audit trail records it. */
const auditState = (d: Pick<Deployment, 'stableVersion' | 'canaryVersion' | 'canaryWeight' | 'status' | 'requestId'>) => ({
  stableVersion: d.stableVersion,
  canaryVersion: d.canaryVersion,
  canaryWeight: d.canaryWeight,
  status: d.status,
  requestId: d.requestId,
});

const changeEvents: Record<string, string | undefined> = {
  'canary-start': 'canary.stepped',
  'canary-step': 'canary.stepped',
  'canary-promote': 'canary.promoted',
  'canary-abort': 'canary.aborted',
  rollback: 'rollback.applied',
};

/**
 * Applies a request: the state machine allows it, gates run again, then in one transaction the
 * deployment moves (only if still at the request's revision), the environment's aliases follow,
 * and the audit and webhook events are written. If the deployment moved since the request, nothing
 * changes except the request, which fails with the reason (409): the user requests again.
 * `principal` is null when the server applies on its own (auto-apply after the last approval).
 */
export async function applyPromotionRequest(deps: PromotionDeps, principal: Principal | null, requestId: number, context: AuditContext): Promise<void> {
  const { database } = deps;
  await expireIfOverdue(database, requestId, context);
  const row = await findRequestRow(database.db, requestId);
  if (!row) throw notFound(`No promotion request ${requestId}`);
  const decisions = await decisionRows(database.db, requestId);
  await requireAllowed(database, context, requestId, decide(requestFacts(row), actorFacts(principal, row, decisions), 'apply'), {
    action: 'apply',
    role: principal?.role ?? 'system',
  });

  const policy = JSON.parse(row.policy_json) as Policy;
  const gates = await checkGates(database.db, outboundPolicyOf(deps.config), {
    modelName: row.model_name, environment: row.environment, kind: row.kind as RequestPlan['kind'],
    candidateVersion: row.version, servingVersion: row.from_version, gates: policy.gates,
  });
  if (!gatesPassed(gates)) {
    const reason = `${gateFailureReason(gates)} when re-checked before apply`;
    await markFailed(database, requestId, reason, gates, context);
    throw conflict(`${reason}; nothing changed`);
  }

  try {
    await inTransaction(database, (tx) => applyInTransaction(tx, { row, principal, decisions, gates: JSON.stringify(gates), policy, context }));
  } catch (error) {
    if (!(error instanceof DeploymentMoved)) throw error;
    await markFailed(database, requestId, error.message, null, context);
    throw conflict(`${error.message}; nothing changed. Request it again against what serves now.`);
  }
}

async function applyInTransaction(
  tx: Db,
  input: { row: PromotionRequestRow; principal: Principal | null; decisions: Awaited<ReturnType<typeof decisionRows>>; gates: string; policy: Policy; context: AuditContext },
): Promise<void> {
  const { context } = input;
  const row = (await findRequestRow(tx, Number(input.row.id), { lock: true }))!;
  const verdict = decide(requestFacts(row), actorFacts(input.principal, row, input.decisions), 'apply');
  if (!verdict.allowed) throw conflict(verdict.message);
  const deploymentRow = (await findDeploymentById(tx, Number(row.deployment_id)))!;
  const moved = () =>
    new DeploymentMoved(`The deployment changed since the request was made (revision ${row.base_revision}, now ${deploymentRow.revision})`);
  if (deploymentRow.revision !== row.base_revision) throw moved();
  const before = toDeployment(deploymentRow);
  const { next, change } = applyPlan(planOf(row), before);
  const by = context.actor.name;
  const updated = await updateDeploymentAtRevision(tx, {
    id: Number(row.deployment_id), baseRevision: row.base_revision, next, change, requestId: String(row.id), by, justification: row.justification,
  });
  if (!updated) throw moved();
  if (!(await updateRequestRow(tx, Number(row.id), [row.state], { state: 'applied', applied_at: Date.now(), applied_by: by, gate_results_json: input.gates, gates_checked_at: Date.now() }))) {
    throw conflict('The request changed while it was being applied');
  }
  const after = toDeployment(updated);
  const deploymentKey = `${row.model_name}/${row.environment}`;

  await recordTransition(tx, context, row, {
    action: 'applied',
    before: { state: row.state },
    after: { state: 'applied', deploymentRevision: after.revision, breakGlass: row.break_glass === 1 },
    justification: row.justification,
    message: `${deploymentKey} is at revision ${after.revision}`,
    webhook: 'promotion.request.applied',
  });
  await appendAudit(tx, context, {
    action: `deployment.${change}`,
    entityType: 'deployment',
    entityId: deploymentKey,
    before: auditState(before),
    after: auditState(after),
    justification: row.justification,
  });
  await moveOwnedAliases(tx, context, row, after);

  const payload = { request: toPromotionRequest({ ...row, state: 'applied' }), change, before, after };
  await enqueueWebhookEvent(tx, { type: 'deployment.changed', payload });
  const specific = changeEvents[change];
  if (specific) await enqueueWebhookEvent(tx, { type: specific, payload });
  if (row.break_glass === 1 && input.policy.rollback.notifyApprovers) {
    await enqueueWebhookEvent(tx, { type: 'rollback.break-glass', payload: { ...payload, notify: input.policy.approverRoles, justification: row.justification, by } });
  }
}

/** Moves the environment's owned aliases with the deployment, auditing each one that moves. */
async function moveOwnedAliases(tx: Db, context: AuditContext, row: PromotionRequestRow, after: Deployment) {
  const environment = await findEnvironmentRow(tx, row.environment);
  const owned = environment ? (JSON.parse(environment.owned_aliases) as string[]) : [];
  for (const [alias, version] of aliasTargets(owned, after)) {
    const previous = await moveAlias(tx, row.model_name, alias, version);
    if (previous === version) continue;
    await appendAudit(tx, context, {
      action: version === null ? 'model-alias.deleted' : 'model-alias.moved',
      entityType: 'model-alias',
      entityId: `${row.model_name}@${alias}`,
      before: { version: previous },
      after: { version },
      justification: row.justification,
    });
  }
}
