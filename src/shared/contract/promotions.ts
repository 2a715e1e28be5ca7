import { z } from 'zod';
import { requestActions, requestStates } from '../lib/promotion-state-machine';
import { roleSchema } from './auth';
import { defineRoute, isoDateTime, pageOf, pageQuerySchema } from './common';
import { deploymentSchema, strategySchema } from './deployments';
import { gateResultSchema, policySchema } from './promotion-policies';

export const requestKinds = ['promote', 'canary-step', 'canary-promote', 'canary-abort', 'rollback'] as const;
export const requestKindSchema = z.enum(requestKinds);
export type RequestKind = z.infer<typeof requestKindSchema>;
export const requestStateSchema = z.enum(requestStates);

const justification = z.string().trim().min(3, 'Say why (at least 3 characters)').max(4000);
const target = { modelName: z.string().trim().min(1).max(250), environment: z.string().trim().min(1).max(40) };

export const canaryStepsSchema = z
  .array(z.number().int().min(1).max(100))
  .min(1)
  .max(10)
  .refine((steps) => steps.every((s, i) => i === 0 || s > (steps[i - 1] ?? 0)), 'Canary steps must increase')
  .refine((steps) => steps.at(-1) === 100, 'The last canary step is 100 (the canary becomes stable)');

export const createRequestBody = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('promote'),
    ...target,
    version: z.number().int().min(1),
    strategy: strategySchema,
    /** Canary only: the traffic weights to go through, e.g. [10, 25, 50, 100]. */
    canarySteps: canaryStepsSchema.optional(),
    justification,
  }),
  /** Moves the canary to `weight` (default: the plan's next step below 100). */
  z.object({ kind: z.literal('canary-step'), ...target, weight: z.number().int().min(1).max(99).optional(), justification }),
  z.object({ kind: z.literal('canary-promote'), ...target, justification }),
  z.object({ kind: z.literal('canary-abort'), ...target, justification }),
  z.object({
    kind: z.literal('rollback'),
    ...target,
    /** Default: the last known-good version. */
    version: z.number().int().min(1).optional(),
    /** Apply at once without approvals, if the policy allows it (needs a written justification). */
    breakGlass: z.boolean().default(false),
    justification,
  }),
]);
export type CreateRequestBody = z.input<typeof createRequestBody>;

const person = z.object({ id: z.string(), username: z.string() });

export const promotionRequestSchema = z.object({
  id: z.string(),
  kind: requestKindSchema,
  modelName: z.string(),
  environment: z.string(),
  deploymentId: z.string(),
  /** The version the request serves (promote, rollback) or the canary's version. */
  version: z.number().int().nullable(),
  /** The stable version when the request was made. */
  fromVersion: z.number().int().nullable(),
  strategy: strategySchema.nullable(),
  canarySteps: z.array(z.number().int()).nullable(),
  targetWeight: z.number().int().nullable(),
  baseRevision: z.number().int(),
  state: requestStateSchema,
  breakGlass: z.boolean(),
  requestedBy: person,
  justification: z.string(),
  requiredApprovals: z.number().int(),
  approvalCount: z.number().int(),
  approverRoles: z.array(roleSchema),
  gateSummary: z.object({ pass: z.number().int(), fail: z.number().int(), warning: z.number().int() }),
  failureReason: z.string().nullable(),
  createdAt: isoDateTime,
  updatedAt: isoDateTime,
  expiresAt: isoDateTime.nullable(),
  appliedAt: isoDateTime.nullable(),
  appliedBy: z.string().nullable(),
});
export type PromotionRequest = z.infer<typeof promotionRequestSchema>;

export const versionFactsSchema = z.object({
  version: z.number().int(),
  runId: z.string().nullable(),
  source: z.string(),
  metrics: z.record(z.string(), z.number()),
  params: z.record(z.string(), z.string()),
  tags: z.record(z.string(), z.string()),
  /** MLmodel signature (inputs/outputs as MLflow stores them: JSON strings); null when absent. */
  signature: z.object({ inputs: z.string().nullable(), outputs: z.string().nullable() }).nullable(),
  datasets: z.array(z.object({ name: z.string(), digest: z.string(), context: z.string().nullable() })),
});
export type VersionFacts = z.infer<typeof versionFactsSchema>;

export const requestDetailSchema = z.object({
  request: promotionRequestSchema,
  gates: z.array(gateResultSchema),
  gatesCheckedAt: isoDateTime,
  policy: policySchema,
  decisions: z.array(
    z.object({ id: z.string(), user: person, role: roleSchema, decision: z.enum(['approve', 'reject']), comment: z.string().nullable(), createdAt: isoDateTime }),
  ),
  comments: z.array(z.object({ id: z.string(), user: person, body: z.string(), createdAt: isoDateTime })),
  events: z.array(z.object({ id: z.string(), kind: z.string(), actor: z.string(), message: z.string().nullable(), createdAt: isoDateTime })),
  /** The requested version against the one serving now, for the diff. */
  comparison: z.object({ candidate: versionFactsSchema.nullable(), serving: versionFactsSchema.nullable() }),
  deployment: deploymentSchema,
  /** What the caller may do now (from the state machine). */
  yourActions: z.array(z.enum(requestActions)),
});
export type RequestDetail = z.infer<typeof requestDetailSchema>;

export const inboxViews = ['mine-to-approve', 'my-requests', 'all'] as const;
export const listRequestsQuery = pageQuerySchema.extend({
  view: z.enum(inboxViews).default('all'),
  state: requestStateSchema.optional(),
  environment: z.string().max(40).optional(),
  model: z.string().max(250).optional(),
  kind: requestKindSchema.optional(),
});
export type ListRequestsQuery = z.input<typeof listRequestsQuery>;

const requestParams = z.object({ requestId: z.string().regex(/^\d+$/, 'Request ids are numbers') });
const optionalComment = z.object({ comment: z.string().trim().max(4000).optional() });

export const createRequest = defineRoute({
  method: 'POST',
  path: '/api/v1/promotions/requests',
  summary: 'Request a promotion, canary step/promote/abort or rollback; gates run at once',
  body: createRequestBody,
  response: requestDetailSchema,
  status: 201,
});

export const listRequests = defineRoute({
  method: 'GET',
  path: '/api/v1/promotions/requests',
  summary: 'The approvals inbox: requests to approve, your requests, or all',
  query: listRequestsQuery,
  response: pageOf(promotionRequestSchema),
});

export const getRequest = defineRoute({
  method: 'GET',
  path: '/api/v1/promotions/requests/:requestId',
  summary: 'A request with its gates, diff, decisions, comments and timeline',
  params: requestParams,
  response: requestDetailSchema,
});

export const approveRequest = defineRoute({
  method: 'POST',
  path: '/api/v1/promotions/requests/:requestId/approve',
  summary: 'Approve a request (policy approver roles; never your own unless the policy allows)',
  params: requestParams,
  body: optionalComment,
  response: requestDetailSchema,
});

export const rejectRequest = defineRoute({
  method: 'POST',
  path: '/api/v1/promotions/requests/:requestId/reject',
  summary: 'Reject a request with a comment',
  params: requestParams,
  body: z.object({ comment: z.string().trim().min(3, 'Say why you reject it').max(4000) }),
  response: requestDetailSchema,
});

export const cancelRequest = defineRoute({
  method: 'POST',
  path: '/api/v1/promotions/requests/:requestId/cancel',
  summary: 'Cancel your request (or any, as admin)',
  params: requestParams,
  body: optionalComment,
  response: requestDetailSchema,
});

export const applyRequest = defineRoute({
  method: 'POST',
  path: '/api/v1/promotions/requests/:requestId/apply',
  summary: 'Apply an approved request: gates re-run, then the deployment and its aliases move atomically',
  params: requestParams,
  response: requestDetailSchema,
});

export const commentOnRequest = defineRoute({
  method: 'POST',
  path: '/api/v1/promotions/requests/:requestId/comments',
  summary: 'Comment on a request',
  params: requestParams,
  body: z.object({ body: z.string().trim().min(1, 'Write a comment').max(4000) }),
  response: requestDetailSchema,
  status: 201,
});

export const previewGates = defineRoute({
  method: 'POST',
  path: '/api/v1/promotions/preview',
  summary: 'Run the gates a promotion would face, without requesting it',
  body: z.object({ ...target, version: z.number().int().min(1) }),
  response: z.object({
    gates: z.array(gateResultSchema),
    requiredApprovals: z.number().int(),
    approverRoles: z.array(roleSchema),
    servingVersion: z.number().int().nullable(),
  }),
});

export const listCandidates = defineRoute({
  method: 'GET',
  path: '/api/v1/promotions/candidates',
  summary: 'Registered models and their newest versions, to pick one to promote',
  query: z.object({ model: z.string().max(250).optional() }),
  response: z.object({
    models: z.array(z.object({ name: z.string(), versions: z.array(z.object({ version: z.number().int(), createdAt: isoDateTime, runId: z.string().nullable() })) })),
  }),
});
