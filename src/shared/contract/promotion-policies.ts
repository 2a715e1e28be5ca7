import { z } from 'zod';
import { roleSchema } from './auth';
import { defineRoute, emptyResponseSchema, isoDateTime } from './common';

const metricKey = z.string().trim().min(1, 'Name a metric').max(250);

/** The typed gates a policy may run; `type` selects the evaluator (see the gate registry). */
export const gateSchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('metric-threshold'),
    metric: metricKey,
    operator: z.enum(['>=', '>', '<=', '<']),
    threshold: z.number(),
  }),
  z.object({
    type: z.literal('beat-current'),
    metric: metricKey,
    /** The candidate must beat the version serving now by at least this much. */
    margin: z.number().min(0),
    higherIsBetter: z.boolean(),
  }),
  z.object({ type: z.literal('required-tags'), tags: z.array(z.string().trim().min(1).max(250)).min(1).max(50) }),
  z.object({ type: z.literal('signature-present') }),
  z.object({ type: z.literal('no-critical-drift') }),
  z.object({
    type: z.literal('webhook-check'),
    url: z.url({ protocol: /^https?$/, error: 'Use an http(s) URL' }).max(2000),
    timeoutMs: z.number().int().min(100).max(30_000),
  }),
]);
export type Gate = z.infer<typeof gateSchema>;
export type GateType = Gate['type'];

export const gateStatusSchema = z.enum(['pass', 'fail', 'warning']);
export type GateStatus = z.infer<typeof gateStatusSchema>;

export const gateResultSchema = z.object({
  type: z.string(),
  /** e.g. `metrics.auc ≥ 0.85`. */
  label: z.string(),
  status: gateStatusSchema,
  message: z.string(),
  observed: z.number().nullable(),
  expected: z.number().nullable(),
});
export type GateResult = z.infer<typeof gateResultSchema>;

export const policySchema = z.object({
  requiredApprovals: z.number().int().min(0).max(10),
  approverRoles: z.array(roleSchema).min(1, 'Name at least one approver role'),
  requesterMayApprove: z.boolean(),
  /** A pending request expires after this many hours. */
  expiryHours: z.number().min(1).max(24 * 90),
  /** Apply as soon as the last required approval arrives. */
  autoApply: z.boolean(),
  gates: z.array(gateSchema).max(20),
  rollback: z.object({
    /** Who may request (and apply) a rollback. */
    allowedRoles: z.array(roleSchema).min(1),
    requiredApprovals: z.number().int().min(0).max(10),
    /** Allowed roles may apply a rollback at once, with a written justification. */
    breakGlass: z.boolean(),
    /** Break-glass rollbacks send a `rollback.break-glass` event addressed to the approver roles. */
    notifyApprovers: z.boolean(),
  }),
});
export type Policy = z.infer<typeof policySchema>;

export const policyEntrySchema = z.object({
  /** `<environment>` or `<environment>/<model>`. */
  scope: z.string(),
  environment: z.string(),
  modelName: z.string().nullable(),
  policy: policySchema,
  updatedBy: z.string().nullable(),
  updatedAt: isoDateTime,
});
export type PolicyEntry = z.infer<typeof policyEntrySchema>;

/** Break-glass and rollback justifications must say why, not just "rollback". */
export const minBreakGlassJustification = 20;

export const listPolicies = defineRoute({
  method: 'GET',
  path: '/api/v1/policies',
  summary: 'Environment policies and per-model overrides',
  response: z.object({ items: z.array(policyEntrySchema) }),
});

export const putEnvironmentPolicy = defineRoute({
  method: 'PUT',
  path: '/api/v1/policies/:environment',
  summary: 'Replace an environment’s policy (admin)',
  params: z.object({ environment: z.string().min(1).max(40) }),
  body: policySchema,
  response: policyEntrySchema,
});

const overrideParams = z.object({ environment: z.string().min(1).max(40), model: z.string().min(1).max(250) });

export const putModelPolicy = defineRoute({
  method: 'PUT',
  path: '/api/v1/policies/:environment/:model',
  summary: 'Override the environment’s policy for one model (admin)',
  params: overrideParams,
  body: policySchema,
  response: policyEntrySchema,
});

export const deleteModelPolicy = defineRoute({
  method: 'DELETE',
  path: '/api/v1/policies/:environment/:model',
  summary: 'Remove a model’s override; the environment’s policy applies again (admin)',
  params: overrideParams,
  response: emptyResponseSchema,
});
