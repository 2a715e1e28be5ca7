import { z } from 'zod';
import { defineRoute, emptyResponseSchema, isoDateTime, pageOf } from './common';

/**
 * The dashboard's view of the registry: models with what serves where, versions with their
 * source run, key metrics and datasets, the parsed MLmodel, and a side-by-side compare.
 * Names may hold spaces, slashes or any Unicode: clients encode them as one path segment.
 */
export const modelNameSchema = z.string().min(1).max(256);
const versionParam = z.coerce.number().int().min(1).max(2_147_483_647);
const modelParams = z.object({ name: modelNameSchema });
const versionParams = z.object({ name: modelNameSchema, version: versionParam });

export const keyValueSchema = z.object({ key: z.string(), value: z.string() });
export type KeyValue = z.infer<typeof keyValueSchema>;

export const modelAliasSchema = z.object({
  alias: z.string(),
  version: z.number().int(),
  /** The environment that owns the alias: only a promotion moves it. */
  ownedBy: z.string().nullable(),
});
export type ModelAlias = z.infer<typeof modelAliasSchema>;

export const servingSchema = z.object({
  deploymentId: z.string(),
  environment: z.string(),
  stableVersion: z.number().int().nullable(),
  canaryVersion: z.number().int().nullable(),
  canaryWeight: z.number().int(),
});
export type Serving = z.infer<typeof servingSchema>;

export const modelSummarySchema = z.object({
  name: z.string(),
  description: z.string().nullable(),
  owner: z.string().nullable(),
  tags: z.array(keyValueSchema),
  aliases: z.array(modelAliasSchema),
  latestVersion: z.number().int().nullable(),
  versionCount: z.number().int(),
  serving: z.array(servingSchema),
  createdAt: isoDateTime,
  lastChangeAt: isoDateTime,
});
export type ModelSummary = z.infer<typeof modelSummarySchema>;

export const modelSortSchema = z.enum(['name', '-name', 'updated', '-updated']);
export type ModelSort = z.infer<typeof modelSortSchema>;

export const listModels = defineRoute({
  method: 'GET',
  path: '/api/v1/models',
  summary: 'Registered models with aliases, latest version and what serves in each environment',
  query: z.object({
    /** Part of the name, case-insensitive. */
    q: z.string().max(256).optional(),
    /** `key` (any value) or `key=value`. */
    tag: z.string().max(512).optional(),
    sort: modelSortSchema.default('-updated'),
    cursor: z.string().max(1024).optional(),
    limit: z.coerce.number().int().min(1).max(100).default(25),
  }),
  response: pageOf(modelSummarySchema),
});

export const datasetUseSchema = z.object({ name: z.string(), digest: z.string(), context: z.string().nullable() });
export type DatasetUse = z.infer<typeof datasetUseSchema>;

export const versionStatusSchema = z.enum(['READY', 'PENDING_REGISTRATION', 'FAILED_REGISTRATION', 'DELETED']);

export const versionRowSchema = z.object({
  name: z.string(),
  version: z.number().int(),
  registeredBy: z.string().nullable(),
  createdAt: isoDateTime,
  updatedAt: isoDateTime,
  status: versionStatusSchema,
  stage: z.string(),
  description: z.string().nullable(),
  runId: z.string().nullable(),
  runName: z.string().nullable(),
  experimentId: z.string().nullable(),
  modelId: z.string().nullable(),
  aliases: z.array(z.string()),
  tags: z.array(keyValueSchema),
  metrics: z.array(z.object({ key: z.string(), value: z.number().nullable() })),
  datasets: z.array(datasetUseSchema),
});
export type VersionRow = z.infer<typeof versionRowSchema>;

export const getModel = defineRoute({
  method: 'GET',
  path: '/api/v1/models/:name',
  summary: 'One registered model',
  params: modelParams,
  response: modelSummarySchema,
});

export const listModelVersions = defineRoute({
  method: 'GET',
  path: '/api/v1/models/:name/versions',
  summary: "A model's versions, newest first, deleted ones included and marked",
  params: modelParams,
  query: z.object({ cursor: z.string().max(64).optional(), limit: z.coerce.number().int().min(1).max(200).default(50) }),
  response: pageOf(versionRowSchema),
});

export const signatureColumnSchema = z.object({ name: z.string().nullable(), type: z.string(), optional: z.boolean(), shape: z.string().nullable() });
export type SignatureColumn = z.infer<typeof signatureColumnSchema>;
export const signatureSchema = z.object({
  inputs: z.array(signatureColumnSchema),
  outputs: z.array(signatureColumnSchema),
  params: z.array(z.object({ name: z.string(), type: z.string(), default: z.string().nullable() })),
});
export type Signature = z.infer<typeof signatureSchema>;

export const versionDetailSchema = versionRowSchema.extend({
  source: z.string(),
  storageLocation: z.string(),
  statusMessage: z.string().nullable(),
  signature: signatureSchema.nullable(),
  flavors: z.array(z.object({ name: z.string(), details: z.array(keyValueSchema) })),
  inputExample: z.array(keyValueSchema).nullable(),
  sizeBytes: z.number().nullable(),
  mlflowVersion: z.string().nullable(),
  params: z.array(keyValueSchema),
  serving: z.array(servingSchema.extend({ role: z.enum(['stable', 'canary']) })),
  modelAliases: z.array(modelAliasSchema),
});
export type VersionDetail = z.infer<typeof versionDetailSchema>;

export const getModelVersionDetail = defineRoute({
  method: 'GET',
  path: '/api/v1/models/:name/versions/:version',
  summary: 'A model version with its parsed MLmodel, source run, metrics, datasets and where it serves',
  params: versionParams,
  response: versionDetailSchema,
});

export const versionMonitoringSchema = z.object({
  events: z.number().int(),
  from: isoDateTime,
  to: isoDateTime,
  hasReference: z.boolean(),
  driftShare: z.number().nullable(),
  datasetDrift: z.boolean(),
  criticallyDrifted: z.boolean(),
  driftedFeatures: z.array(z.string()),
});
export type VersionMonitoring = z.infer<typeof versionMonitoringSchema>;

export const getVersionMonitoring = defineRoute({
  method: 'GET',
  path: '/api/v1/models/:name/versions/:version/monitoring',
  summary: "Drift of a version's live traffic over the last 24 hours",
  params: versionParams,
  response: versionMonitoringSchema,
});

export const compareVersions = defineRoute({
  method: 'GET',
  path: '/api/v1/models/:name/compare',
  summary: 'Two versions side by side: metrics, params, signature, datasets',
  params: modelParams,
  query: z.object({ a: versionParam, b: versionParam }),
  response: z.object({ a: versionDetailSchema, b: versionDetailSchema }),
});

// --- editing ------------------------------------------------------------------------------

const description = z.object({ description: z.string().max(20_000) });
const tagKey = z.string().min(1).max(250);
const tagParams = modelParams.extend({ key: tagKey });
const versionTagParams = versionParams.extend({ key: tagKey });
const tagBody = z.object({ value: z.string().max(5000) });

export const updateModelDescription = defineRoute({
  method: 'PATCH',
  path: '/api/v1/models/:name',
  summary: "Edit a model's description (markdown)",
  params: modelParams,
  body: description,
  response: modelSummarySchema,
});
export const setModelTag = defineRoute({ method: 'PUT', path: '/api/v1/models/:name/tags/:key', summary: 'Set a tag on a model', params: tagParams, body: tagBody, response: emptyResponseSchema });
export const deleteModelTag = defineRoute({ method: 'DELETE', path: '/api/v1/models/:name/tags/:key', summary: 'Remove a tag from a model', params: tagParams, response: emptyResponseSchema });

export const updateVersionDescription = defineRoute({
  method: 'PATCH',
  path: '/api/v1/models/:name/versions/:version',
  summary: "Edit a version's description (markdown)",
  params: versionParams,
  body: description,
  response: versionDetailSchema,
});
export const setVersionTag = defineRoute({
  method: 'PUT',
  path: '/api/v1/models/:name/versions/:version/tags/:key',
  summary: 'Set a tag on a version',
  params: versionTagParams,
  body: tagBody,
  response: emptyResponseSchema,
});
export const deleteVersionTag = defineRoute({
  method: 'DELETE',
  path: '/api/v1/models/:name/versions/:version/tags/:key',
  summary: 'Remove a tag from a version',
  params: versionTagParams,
  response: emptyResponseSchema,
});

const aliasParams = modelParams.extend({ alias: z.string().min(1).max(256) });
export const setModelAlias = defineRoute({
  method: 'PUT',
  path: '/api/v1/models/:name/aliases/:alias',
  summary: 'Point a free alias at a version (aliases an environment owns move only by promotion)',
  params: aliasParams,
  body: z.object({ version: z.number().int().min(1) }),
  response: emptyResponseSchema,
});
export const deleteModelAlias = defineRoute({
  method: 'DELETE',
  path: '/api/v1/models/:name/aliases/:alias',
  summary: 'Remove a free alias',
  params: aliasParams,
  response: emptyResponseSchema,
});
