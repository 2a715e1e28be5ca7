import { z } from 'zod';
import { defineRoute, isoDateTime } from './common';

/**
 * Words used as the second path segment under `/api/v1/deployments/:deploymentId/…`: an environment
 * with one of these names would be shadowed in `/api/v1/deployments/:model/:environment`.
 */
export const reservedEnvironmentNames = ['predictions', 'labels', 'monitoring', 'drift', 'drift-settings', 'latency', 'performance', 'canary', 'manifest'];

export const environmentNameSchema = z
  .string()
  .trim()
  .regex(/^[a-z][a-z0-9-]{0,39}$/, 'Use 1–40 lowercase letters, digits and dashes, starting with a letter')
  .refine((name) => !reservedEnvironmentNames.includes(name), 'This name is reserved by the deployments API');

/** MLflow alias rules: letters, digits, _ and -; `latest` and `v<digits>` are reserved. */
export const aliasNameSchema = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9_-]{1,64}$/, 'Aliases use letters, digits, _ and - (at most 64)')
  .refine((a) => a.toLowerCase() !== 'latest' && !/^v\d+$/i.test(a), 'latest and v<number> are reserved by MLflow');

export const environmentSchema = z.object({
  name: z.string(),
  order: z.number().int(),
  protected: z.boolean(),
  /** Registry aliases only promotions move; an alias ending in `-canary` follows the canary version. */
  ownedAliases: z.array(z.string()),
  description: z.string().nullable(),
  createdAt: isoDateTime,
  updatedAt: isoDateTime,
});
export type Environment = z.infer<typeof environmentSchema>;

export const deploymentStatusSchema = z.enum(['empty', 'stable', 'canary']);
export const strategySchema = z.enum(['direct', 'blue-green', 'canary']);
export type Strategy = z.infer<typeof strategySchema>;
export const changeKindSchema = z.enum(['promote', 'canary-start', 'canary-step', 'canary-promote', 'canary-abort', 'rollback']);

export const deploymentSchema = z.object({
  id: z.string(),
  modelName: z.string(),
  environment: z.string(),
  stableVersion: z.number().int().nullable(),
  canaryVersion: z.number().int().nullable(),
  /** Percent of traffic the canary serves (0 without a canary). */
  canaryWeight: z.number().int(),
  status: deploymentStatusSchema,
  strategy: strategySchema.nullable(),
  canarySteps: z.array(z.number().int()).nullable(),
  revision: z.number().int(),
  requestId: z.string().nullable(),
  updatedBy: z.string().nullable(),
  updatedAt: isoDateTime,
});
export type Deployment = z.infer<typeof deploymentSchema>;

export const historyEntrySchema = z.object({
  revision: z.number().int(),
  stableVersion: z.number().int().nullable(),
  canaryVersion: z.number().int().nullable(),
  canaryWeight: z.number().int(),
  status: deploymentStatusSchema,
  change: changeKindSchema,
  requestId: z.string().nullable(),
  changedBy: z.string(),
  changedAt: isoDateTime,
  justification: z.string().nullable(),
});
export type HistoryEntry = z.infer<typeof historyEntrySchema>;

export const deploymentDetailSchema = z.object({
  deployment: deploymentSchema,
  environment: environmentSchema,
  /** Newest first. */
  history: z.array(historyEntrySchema),
  /**
   * The version a rollback returns to: the stable version while a canary runs, else the last stable
   * version before the current one that was never rolled back from.
   */
  lastKnownGood: z.number().int().nullable(),
  /** The next weight of the approved canary plan, if a canary runs. */
  nextCanaryStep: z.number().int().nullable(),
});
export type DeploymentDetail = z.infer<typeof deploymentDetailSchema>;

const servedVersion = z.object({ version: z.number().int(), modelUri: z.string() });
export const servingSchema = z.object({
  modelName: z.string(),
  environment: z.string(),
  revision: z.number().int(),
  stable: servedVersion.nullable(),
  canary: servedVersion.extend({ weight: z.number().int() }).nullable(),
  updatedAt: isoDateTime,
});
export type Serving = z.infer<typeof servingSchema>;

const environmentParams = z.object({ environment: z.string().min(1).max(40) });
const servingParams = z.object({ model: z.string().min(1).max(250), environment: z.string().min(1).max(40) });

export const listEnvironments = defineRoute({
  method: 'GET',
  path: '/api/v1/environments',
  summary: 'List environments in promotion order',
  response: z.object({ items: z.array(environmentSchema) }),
});

const environmentFields = {
  order: z.number().int().min(0).max(1000),
  protected: z.boolean(),
  ownedAliases: z.array(aliasNameSchema).max(10),
  description: z.string().trim().max(500).nullable(),
};

export const createEnvironment = defineRoute({
  method: 'POST',
  path: '/api/v1/environments',
  summary: 'Create an environment with a default policy (admin)',
  body: z.object({ name: environmentNameSchema, ...environmentFields }),
  response: environmentSchema,
  status: 201,
});

export const updateEnvironment = defineRoute({
  method: 'PATCH',
  path: '/api/v1/environments/:environment',
  summary: 'Change an environment’s order, protection, owned aliases or description (admin)',
  params: environmentParams,
  body: z.object(environmentFields).partial(),
  response: environmentSchema,
});

export const listDeployments = defineRoute({
  method: 'GET',
  path: '/api/v1/deployments',
  summary: 'Every deployment (model × environment) with what it serves',
  query: z.object({ model: z.string().max(250).optional(), environment: z.string().max(40).optional() }),
  response: z.object({ items: z.array(deploymentSchema), environments: z.array(environmentSchema) }),
});

export const getDeployment = defineRoute({
  method: 'GET',
  path: '/api/v1/deployments/:deploymentId',
  summary: 'A deployment with its environment, history and last known-good version',
  params: z.object({ deploymentId: z.string().regex(/^\d+$/, 'Deployment ids are numbers') }),
  response: deploymentDetailSchema,
});

export const getServing = defineRoute({
  method: 'GET',
  path: '/api/v1/deployments/:model/:environment',
  summary: 'What to serve (stable and canary with weight); send If-None-Match to poll cheaply',
  params: servingParams,
  response: servingSchema,
});

export const getKserveManifest = defineRoute({
  method: 'GET',
  path: '/api/v1/deployments/:model/:environment/manifest',
  summary: 'A KServe InferenceService manifest (YAML) for the deployment',
  params: servingParams,
  response: z.object({ fileName: z.string(), yaml: z.string() }),
});
