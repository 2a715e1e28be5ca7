import { z } from 'zod';
import type { Permission } from '../permissions';
import { defineRoute, isoDateTime } from './common';

/**
 * The audit trail. Entity conventions every module follows when it appends events (the README's
 * audit section has the full list): `registered-model` (id = name), `model-version`
 * (`<name>/<version>`), `model-alias` (`<name>@<alias>`, after = {version} or null when removed),
 * `deployment` (`<model>/<environment>`, after = the full deployment state), `policy`
 * (`<environment>` or `<environment>/<model>`), `promotion-request` (id = request id),
 * `experiment`, `run`, `user`, `api-token`.
 */
export const auditEventSchema = z.object({
  seq: z.number().int(),
  occurredAt: isoDateTime,
  actor: z.object({
    id: z.string().nullable(),
    name: z.string(),
    /** How the actor authenticated: session, token:<id>, basic-password, basic-token:<id>, proxy (SSO), cli, system, none. */
    via: z.string(),
  }),
  action: z.string(),
  entityType: z.string(),
  entityId: z.string(),
  before: z.unknown().nullable(),
  after: z.unknown().nullable(),
  justification: z.string().nullable(),
  requestId: z.string().nullable(),
  clientIp: z.string().nullable(),
  prevHash: z.string(),
  hash: z.string(),
});
export type AuditEvent = z.infer<typeof auditEventSchema>;

/** Entity types whose history anyone who can read them may see, with the permission that reads them. */
export const entityReadPermissions: Readonly<Record<string, Permission>> = {
  'registered-model': 'registry:read',
  'model-version': 'registry:read',
  'model-alias': 'registry:read',
  deployment: 'deployments:read',
  'promotion-request': 'deployments:read',
  experiment: 'tracking:read',
  run: 'tracking:read',
};

const text = z.string().trim().min(1).max(300);
const order = z.enum(['desc', 'asc']).default('desc');
const cursor = z.string().regex(/^\d{1,15}$/, 'Not a cursor from this API').optional();
const limit = z.coerce.number().int().min(1).max(500).default(50);

export const auditFiltersSchema = z.object({
  actor: text.optional(),
  /** Exact, or a prefix when it ends with `.` or `*` (e.g. `promotion.`). */
  action: text.optional(),
  entityType: text.optional(),
  entityId: text.optional(),
  /** Events of the model and everything that belongs to it (`<name>`, `<name>/…`, `<name>@…`). */
  model: text.optional(),
  environment: text.optional(),
  from: isoDateTime.optional(),
  to: isoDateTime.optional(),
});
export type AuditFilterInput = z.input<typeof auditFiltersSchema>;

export const auditPageSchema = z.object({ items: z.array(auditEventSchema), nextCursor: z.string().nullable() });

export const listAuditEvents = defineRoute({
  method: 'GET',
  path: '/api/v1/audit/events',
  summary: 'Search the audit trail, newest first by default (admin, auditor)',
  query: auditFiltersSchema.extend({ order, cursor, limit }),
  response: auditPageSchema,
});

export const getEntityHistory = defineRoute({
  method: 'GET',
  path: '/api/v1/audit/entities/:entityType/:entityId',
  summary: 'The history of one entity (anyone who may read it; users and tokens: admin, auditor)',
  params: z.object({ entityType: z.string().regex(/^[a-z][a-z0-9-]{0,40}$/), entityId: z.string().min(1).max(300) }),
  query: z.object({
    order,
    cursor,
    limit,
    /** For a registered model: also its versions, aliases and deployments. */
    related: z.enum(['true', 'false']).optional(),
  }),
  response: auditPageSchema,
});

export const asOfEntitySchema = z.object({
  entityType: z.string(),
  entityId: z.string(),
  /** The `after` of the entity's latest event at or before the time asked. */
  state: z.unknown(),
  event: auditEventSchema,
  /** Deployments: the events of the promotion request that produced this state, up to that time. */
  promotion: z.object({ requestId: z.string(), events: z.array(auditEventSchema) }).nullable(),
});
export type AsOfEntity = z.infer<typeof asOfEntitySchema>;

export const getAuditAsOf = defineRoute({
  method: 'GET',
  path: '/api/v1/audit/as-of',
  summary: 'The state of deployments, aliases and policies (or other entity types) at a past time (admin, auditor)',
  query: z.object({
    at: isoDateTime,
    types: z
      .string()
      .regex(/^[a-z][a-z0-9-]*(,[a-z][a-z0-9-]*){0,9}$/, 'A comma-separated list of at most 10 entity types')
      .default('deployment,model-alias,policy'),
  }),
  response: z.object({ at: isoDateTime, throughSeq: z.number().int().nullable(), entities: z.array(asOfEntitySchema) }),
});

export const chainStatusSchema = z.object({
  ok: z.boolean(),
  mode: z.enum(['full', 'incremental']),
  /** Verification started after this event (0: the beginning; else a retention or verified checkpoint). */
  fromSeq: z.number().int(),
  checked: z.number().int(),
  verifiedThroughSeq: z.number().int(),
  head: z.object({ seq: z.number().int(), hash: z.string() }),
  broken: z.object({ seq: z.number().int(), reason: z.string() }).nullable(),
  /** Events up to here were deleted by retention; the chain continues from this signed checkpoint. */
  retentionCheckpoint: z.object({ seq: z.number().int(), hash: z.string(), createdAt: isoDateTime }).nullable(),
  verifiedAt: isoDateTime,
});
export type ChainStatus = z.infer<typeof chainStatusSchema>;

export const getChainStatus = defineRoute({
  method: 'GET',
  path: '/api/v1/audit/verification',
  summary: 'Verify the hash chain, fully or from the last verified checkpoint (admin, auditor)',
  query: z.object({ mode: z.enum(['full', 'incremental']).default('incremental') }),
  response: chainStatusSchema,
});

export const exportQuerySchema = auditFiltersSchema.extend({ format: z.enum(['csv', 'jsonl']).default('jsonl') });

export const exportReportSchema = z.object({
  generatedAt: isoDateTime,
  filters: z.record(z.string(), z.string()),
  exported: z.number().int(),
  /** The chain was checked over every event from the first to the last exported one. */
  range: z.object({ fromSeq: z.number().int(), toSeq: z.number().int() }).nullable(),
  chain: z.object({ ok: z.boolean(), checked: z.number().int(), broken: z.object({ seq: z.number().int(), reason: z.string() }).nullable() }),
  head: z.object({ seq: z.number().int(), hash: z.string() }),
  howToVerify: z.string(),
});
export type ExportReport = z.infer<typeof exportReportSchema>;

/** The export itself streams from `GET /api/v1/audit/export?format=csv|jsonl&…filters` (not JSON). */
export const exportPath = '/api/v1/audit/export';

export const getExportReport = defineRoute({
  method: 'GET',
  path: '/api/v1/audit/export/report',
  summary: 'The verification report of an export with the same filters (admin, auditor)',
  query: auditFiltersSchema,
  response: exportReportSchema,
});

export const minimumRetentionDays = 183;

export const retentionSchema = z.object({
  retentionDays: z.number().int().nullable(),
  minimumDays: z.number().int(),
  oldestEventAt: isoDateTime.nullable(),
  /** Events before this time would be deleted by applying retention now (null: keep forever). */
  cutoff: isoDateTime.nullable(),
});

export const getRetention = defineRoute({
  method: 'GET',
  path: '/api/v1/audit/retention',
  summary: 'How long audit events are kept (admin)',
  response: retentionSchema,
});

export const updateRetention = defineRoute({
  method: 'PUT',
  path: '/api/v1/audit/retention',
  summary: 'Set how long audit events are kept: at least 183 days, or null to keep them forever (admin)',
  body: z.object({
    retentionDays: z.number().int().min(minimumRetentionDays, `Audit events must be kept at least ${minimumRetentionDays} days (6 months)`).max(36_500).nullable(),
  }),
  response: retentionSchema,
});

export const applyRetention = defineRoute({
  method: 'POST',
  path: '/api/v1/audit/retention/apply',
  summary: 'Delete events older than the retention period, leaving a signed checkpoint (admin; audited)',
  body: z.object({ justification: z.string().trim().min(5, 'Say why (at least 5 characters)').max(1000) }),
  response: z.object({
    deleted: z.number().int(),
    checkpoint: z.object({ seq: z.number().int(), hash: z.string(), createdAt: isoDateTime }).nullable(),
  }),
});
