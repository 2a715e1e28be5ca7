import { modelVersionExists } from '../registry/model-versions.repository';
import type { z } from 'zod';
import { type Policy, minBreakGlassJustification } from '../../../shared/contract/promotion-policies';
import type { createRequestBody } from '../../../shared/contract/promotions';
import { initialState } from '../../../shared/lib/promotion-state-machine';
import { can } from '../../../shared/permissions';
import type { Deployment } from '../../../shared/contract/deployments';
import type { DatabaseHandle } from '../../db/database';
import { inTransaction } from '../../db/transaction';
import { ApiError, conflict, invalidParameter, notFound } from '../../errors';
import type { AuditContext } from '../audit/audit.service';
import type { Principal } from '../auth/principal';
import { rollbackTarget } from '../deployments/deployment-history';
import {
  ensureDeployment, findDeployment, historyRows, registeredModelExists, toDeployment, toHistoryEntry,
} from '../deployments/deployments.repository';
import { findEnvironmentRow } from '../deployments/environments.repository';
import { outboundPolicyOf } from '../webhooks/webhooks.service';
import { applyPromotionRequest, type PromotionDeps } from './apply.service';
import { checkGates, gateFailureReason } from './gate-check';
import { gatesPassed } from './gate-registry';
import { effectivePolicyRow } from './policies.repository';
import { defaultPolicyFor } from './policy-defaults';
import { type PlanInput, PlanRefused, planRequest, type RequestPlan } from './promotion-plans';
import { recordTransition } from './request-transitions';
import { refuseForbidden } from './refusals';
import { insertRequestRow, rolesColumn } from './requests.repository';

type CreateBody = z.output<typeof createRequestBody>;

const emptyDeployment: Pick<Deployment, 'stableVersion' | 'canaryVersion' | 'canaryWeight' | 'status' | 'canarySteps' | 'strategy' | 'revision'> = {
  stableVersion: null, canaryVersion: null, canaryWeight: 0, status: 'empty', canarySteps: null, strategy: null, revision: 0,
};

/** The policy that governs a model in an environment (the seeded default if an admin removed it). */
export async function policyFor(database: DatabaseHandle, environment: string, modelName: string): Promise<Policy> {
  const row = await effectivePolicyRow(database.db, environment, modelName);
  if (row) return JSON.parse(row.policy_json) as Policy;
  const env = await findEnvironmentRow(database.db, environment);
  return defaultPolicyFor(env?.protected === 1);
}

/** Approvals and approver roles by kind: a canary's steps were approved with its promotion. */
function approvalRule(kind: RequestPlan['kind'], policy: Policy) {
  if (kind === 'promote') return { required: policy.requiredApprovals, roles: policy.approverRoles };
  if (kind === 'rollback') return { required: policy.rollback.requiredApprovals, roles: policy.approverRoles };
  return { required: 0, roles: policy.approverRoles };
}

/**
 * Creates a request: checks who may ask, what the deployment serves and the gates (at once), then
 * stores it as pending, approved (no approval needed) or failed (a gate failed, with the reason).
 * Canary steps, break-glass rollbacks and auto-applying policies are applied straight away.
 * Returns the request id.
 */
export async function createPromotionRequest(deps: PromotionDeps, principal: Principal, body: CreateBody, context: AuditContext): Promise<number> {
  const { database } = deps;
  const db = database.db;
  const environment = await findEnvironmentRow(db, body.environment);
  if (!environment) throw notFound(`No environment named "${body.environment}"`);
  if (!(await registeredModelExists(db, body.modelName))) throw notFound(`No registered model named "${body.modelName}"`);
  const policy = await policyFor(database, body.environment, body.modelName);
  const breakGlass = body.kind === 'rollback' && body.breakGlass;
  await checkRequester(database, principal, body, policy, context);

  const existing = await findDeployment(db, body.modelName, body.environment);
  const current = existing ? toDeployment(existing) : emptyDeployment;
  const input = await planInput(database, body, current, existing?.id ?? null);
  if ('version' in input && input.version !== undefined && !(await modelVersionExists(db, body.modelName, input.version))) {
    throw notFound(`${body.modelName} has no version ${input.version}`);
  }
  let plan: RequestPlan;
  try {
    plan = planRequest(input, current);
  } catch (error) {
    if (error instanceof PlanRefused) throw conflict(error.message);
    throw error;
  }

  const gates = await checkGates(db, outboundPolicyOf(deps.config), {
    modelName: body.modelName, environment: body.environment, kind: plan.kind,
    candidateVersion: plan.version, servingVersion: current.stableVersion, gates: policy.gates,
  });
  const rule = approvalRule(plan.kind, policy);
  const state = initialState({ gatesPassed: gatesPassed(gates), requiredApprovals: rule.required, breakGlass });
  const now = Date.now();

  const requestId = await inTransaction(database, async (tx) => {
    const deployment = await ensureDeployment(tx, body.modelName, body.environment, principal.user.username);
    if (deployment.revision !== current.revision) throw conflict('The deployment changed while the request was being made; try again');
    const row = await insertRequestRow(tx, {
      kind: plan.kind, model_name: body.modelName, environment: body.environment, deployment_id: deployment.id,
      version: plan.version, from_version: current.stableVersion, strategy: plan.strategy,
      canary_steps: plan.canarySteps ? JSON.stringify(plan.canarySteps) : null, target_weight: plan.targetWeight,
      base_revision: deployment.revision, state, break_glass: breakGlass ? 1 : 0,
      requested_by: principal.user.id, requested_by_name: principal.user.username, justification: body.justification,
      policy_json: JSON.stringify(policy), required_approvals: rule.required, approver_roles: rolesColumn(rule.roles),
      requester_may_approve: policy.requesterMayApprove ? 1 : 0, auto_apply: policy.autoApply ? 1 : 0,
      gate_results_json: JSON.stringify(gates), gates_checked_at: now, failure_reason: state === 'failed' ? gateFailureReason(gates) : null,
      created_at: now, updated_at: now, expires_at: state === 'pending' ? now + policy.expiryHours * 3_600_000 : null,
      applied_at: null, applied_by: null,
    });
    await recordTransition(tx, context, row, {
      action: 'created',
      before: null,
      after: { kind: plan.kind, modelName: body.modelName, environment: body.environment, version: plan.version, strategy: plan.strategy,
        canarySteps: plan.canarySteps, targetWeight: plan.targetWeight, state, breakGlass, gates: gates.map((g) => ({ label: g.label, status: g.status })) },
      justification: body.justification,
      message: state === 'failed' ? row.failure_reason : `${gates.length} gate${gates.length === 1 ? '' : 's'} checked`,
      webhook: 'promotion.request.created',
    });
    return Number(row.id);
  });

  const appliesNow = state === 'approved' && (plan.kind.startsWith('canary-') || policy.autoApply);
  if (appliesNow || breakGlass) {
    try {
      await applyPromotionRequest(deps, principal, requestId, context);
    } catch (error) {
      // The request records why it failed; the caller reads it from the response.
      if (!(error instanceof ApiError && error.status === 409)) throw error;
    }
  }
  return requestId;
}

/** Rule-level checks on the requester: audited 403s. */
async function checkRequester(database: DatabaseHandle, principal: Principal, body: CreateBody, policy: Policy, context: AuditContext) {
  const entity = { type: 'deployment', id: `${body.modelName}/${body.environment}` };
  const refuse = (reason: string) => refuseForbidden(database, context, entity, { action: `request-${body.kind}`, role: principal.role, reason });
  if (body.kind === 'rollback') {
    if (!policy.rollback.allowedRoles.includes(principal.role)) await refuse(`The ${body.environment} policy lets ${policy.rollback.allowedRoles.join(' or ')} roll back, not ${principal.role}`);
    if (body.breakGlass && !policy.rollback.breakGlass) await refuse(`The ${body.environment} policy does not allow break-glass rollbacks`);
    if (body.breakGlass && body.justification.length < minBreakGlassJustification) {
      throw invalidParameter(`A break-glass rollback needs a written justification of at least ${minBreakGlassJustification} characters`, [
        { path: 'body.justification', message: `at least ${minBreakGlassJustification} characters` },
      ]);
    }
  } else if (body.kind !== 'promote' && !can(principal.role, 'promotions:apply')) {
    await refuse(`Your role (${principal.role}) cannot change a running canary`);
  }
}

async function planInput(database: DatabaseHandle, body: CreateBody, current: typeof emptyDeployment, deploymentId: number | null): Promise<PlanInput> {
  switch (body.kind) {
    case 'promote':
      return { kind: 'promote', version: body.version, strategy: body.strategy, canarySteps: body.canarySteps };
    case 'canary-step':
      return { kind: 'canary-step', weight: body.weight };
    case 'canary-promote':
    case 'canary-abort':
      return { kind: body.kind };
    case 'rollback': {
      if (body.version !== undefined) return { kind: 'rollback', version: body.version };
      const history = deploymentId === null ? [] : (await historyRows(database.db, deploymentId)).map(toHistoryEntry);
      const target = rollbackTarget(history, current);
      if (target === null) throw conflict(`There is no earlier version of ${body.modelName} in ${body.environment} to roll back to`);
      return { kind: 'rollback', version: target };
    }
  }
}
