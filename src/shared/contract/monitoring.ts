import { z } from 'zod';
import { defineRoute, isoDateTime } from './common';

/**
 * Monitoring of deployments: reference profiles per model version, prediction ingestion, and the
 * chart-shaped queries (drift, latency, predictions, performance, canary versus stable).
 * Alert rules and alerts are in monitoring-alerts.ts.
 */
export const featureTypeSchema = z.enum(['numeric', 'categorical']);
export type FeatureType = z.infer<typeof featureTypeSchema>;

/** Drift methods, named as Evidently names them (plus NannyML/SageMaker's L-infinity). */
export const driftMethodSchema = z.enum(['ks', 'chisquare', 'z', 'wasserstein', 'jensenshannon', 'psi', 'kl_div', 'hellinger', 'l_infinity']);
export type DriftMethod = z.infer<typeof driftMethodSchema>;

export const resolutionSchema = z.enum(['1m', '5m', '15m', '1h', '6h', '1d']);
export type Resolution = z.infer<typeof resolutionSchema>;

const versionParam = z.string().regex(/^\d+$/, 'Versions are numbers');
const deploymentParams = z.object({ deploymentId: z.string().regex(/^\d+$/, 'Deployment ids are numbers') });
const modelVersionParams = z.object({ modelName: z.string().min(1).max(256), version: versionParam });

/** A time range; both ends default (the last 24 hours). */
const rangeQuery = z.object({
  from: isoDateTime.optional(),
  to: isoDateTime.optional(),
  version: versionParam.optional(),
});
const seriesQuery = rangeQuery.extend({ resolution: resolutionSchema.optional() });

// --- reference profiles --------------------------------------------------------------------------

export const binSchema = z.object({ label: z.string(), count: z.number() });

export const featureProfileSchema = z.object({
  name: z.string(),
  type: featureTypeSchema,
  inferredType: featureTypeSchema,
  count: z.number(),
  missing: z.number(),
  /** Distinct values seen, capped (see `uniqueCapped`). */
  uniqueCount: z.number(),
  uniqueCapped: z.boolean(),
  stats: z.object({ min: z.number(), max: z.number(), mean: z.number(), std: z.number() }).nullable(),
  bins: z.array(binSchema),
});
export type FeatureProfileSummary = z.infer<typeof featureProfileSchema>;

export const referenceProfileSchema = z.object({
  id: z.string(),
  modelName: z.string(),
  version: z.string(),
  source: z.enum(['upload', 'baseline', 'dataset']),
  sourceName: z.string(),
  rowCount: z.number(),
  taskType: z.enum(['classification', 'regression']).nullable(),
  features: z.array(featureProfileSchema),
  prediction: featureProfileSchema.nullable(),
  performance: z.record(z.string(), z.number()).nullable(),
  createdAt: isoDateTime,
  createdBy: z.string(),
});
export type ReferenceProfileSummary = z.infer<typeof referenceProfileSchema>;

export const baselineStatusSchema = z.object({ target: z.number(), collected: z.number(), createdAt: isoDateTime });

export const getReference = defineRoute({
  method: 'GET',
  path: '/api/v1/models/:modelName/versions/:version/reference',
  summary: 'The reference profile of a model version, and a baseline window being collected',
  params: modelVersionParams,
  response: z.object({ profile: referenceProfileSchema.nullable(), baseline: baselineStatusSchema.nullable() }),
});

/**
 * The body is the raw file (text/csv, or application/vnd.apache.parquet / application/octet-stream
 * for Parquet), streamed; options travel in the query string.
 */
export const uploadReference = defineRoute({
  method: 'POST',
  path: '/api/v1/models/:modelName/versions/:version/reference',
  summary: 'Build the reference profile of a model version from a CSV or Parquet file (raw body)',
  params: modelVersionParams,
  query: z.object({
    fileName: z.string().max(256).optional(),
    predictionColumn: z.string().max(256).optional(),
    labelColumn: z.string().max(256).optional(),
    /** Columns that are not features (ids, timestamps), comma-separated. */
    ignoreColumns: z.string().max(4096).optional(),
    /** Type overrides, `name:numeric,other:categorical`. */
    types: z.string().max(4096).optional(),
  }),
  response: referenceProfileSchema,
  status: 201,
});

export const startBaseline = defineRoute({
  method: 'POST',
  path: '/api/v1/models/:modelName/versions/:version/reference/baseline',
  summary: 'Build the reference profile from the first N production events of this version',
  params: modelVersionParams,
  body: z.object({ events: z.number().int().min(100).max(10_000).default(1000) }),
  response: baselineStatusSchema,
  status: 201,
});

// --- ingestion -----------------------------------------------------------------------------------

export const ingestResultSchema = z.object({
  accepted: z.number(),
  rejected: z.array(z.object({ index: z.number(), reason: z.string() })),
});
export type IngestResult = z.infer<typeof ingestResultSchema>;

/** Body: `{"events": [...]}` (application/json) or one event per line (application/x-ndjson). */
export const ingestPredictions = defineRoute({
  method: 'POST',
  path: '/api/v1/deployments/:deploymentId/predictions',
  summary: 'Post prediction events (JSON or NDJSON, up to 10,000 per request)',
  params: deploymentParams,
  response: ingestResultSchema,
});

export const ingestLabels = defineRoute({
  method: 'POST',
  path: '/api/v1/deployments/:deploymentId/labels',
  summary: 'Post late labels, joined to earlier predictions by event id',
  params: deploymentParams,
  body: z.object({
    labels: z.array(z.object({ id: z.string().min(1).max(200), label: z.union([z.string().max(200), z.number(), z.boolean()]) })).max(10_000),
  }),
  response: ingestResultSchema,
});

// --- queries -------------------------------------------------------------------------------------

export const versionRoleSchema = z.enum(['stable', 'canary', 'previous']);

export const monitoringDeploymentSchema = z.object({
  id: z.string(),
  modelName: z.string(),
  environment: z.string(),
  stableVersion: z.string().nullable(),
  canaryVersion: z.string().nullable(),
  canaryWeight: z.number(),
  versions: z.array(z.object({ version: z.string(), role: versionRoleSchema, hasReference: z.boolean() })),
  /** Where the deployment changed, for version markers on charts. */
  markers: z.array(
    z.object({ at: isoDateTime, change: z.string(), stableVersion: z.string().nullable(), canaryVersion: z.string().nullable(), canaryWeight: z.number() }),
  ),
});
export type MonitoringDeployment = z.infer<typeof monitoringDeploymentSchema>;

export const getMonitoringDeployment = defineRoute({
  method: 'GET',
  path: '/api/v1/deployments/:deploymentId/monitoring',
  summary: 'What a deployment serves, its versions and history markers, for the monitoring page',
  params: deploymentParams,
  response: monitoringDeploymentSchema,
});

export const healthSchema = z.object({
  events: z.number(),
  errorRate: z.number().nullable(),
  p99: z.number().nullable(),
  driftShare: z.number().nullable(),
  openAlerts: z.number(),
  lastEventAt: isoDateTime.nullable(),
});

export const listMonitoredDeployments = defineRoute({
  method: 'GET',
  path: '/api/v1/monitoring/deployments',
  summary: 'Deployments with a health summary of the last hour',
  response: z.object({ items: z.array(monitoringDeploymentSchema.omit({ markers: true, versions: true }).extend({ health: healthSchema })) }),
});

export const featureDriftSchema = z.object({
  feature: z.string(),
  type: featureTypeSchema,
  method: driftMethodSchema,
  score: z.number().nullable(),
  threshold: z.number(),
  drifted: z.boolean(),
});
export type FeatureDrift = z.infer<typeof featureDriftSchema>;

export const driftWindowSchema = z.object({
  start: isoDateTime,
  count: z.number(),
  driftShare: z.number().nullable(),
  datasetDrift: z.boolean(),
  features: z.array(featureDriftSchema),
});
export type DriftWindow = z.infer<typeof driftWindowSchema>;

export const getDrift = defineRoute({
  method: 'GET',
  path: '/api/v1/deployments/:deploymentId/drift',
  summary: 'Drift per window and feature against the version’s reference profile',
  params: deploymentParams,
  query: seriesQuery,
  response: z.object({
    version: z.string().nullable(),
    resolution: resolutionSchema,
    driftShareThreshold: z.number(),
    features: z.array(z.object({ name: z.string(), type: featureTypeSchema })),
    windows: z.array(driftWindowSchema),
  }),
});

export const distributionSchema = z.object({
  feature: z.string(),
  type: featureTypeSchema,
  method: driftMethodSchema,
  methodLabel: z.string(),
  score: z.number().nullable(),
  threshold: z.number(),
  drifted: z.boolean(),
  /** "p-value" or "distance": which way the threshold points. */
  scoreKind: z.enum(['p_value', 'distance']),
  rule: z.string(),
  referenceCount: z.number(),
  currentCount: z.number(),
  /** Shares (0..1) on the same bins for both sides. */
  bins: z.array(z.object({ label: z.string(), reference: z.number(), current: z.number() })),
});
export type Distribution = z.infer<typeof distributionSchema>;

export const getFeatureDrift = defineRoute({
  method: 'GET',
  path: '/api/v1/deployments/:deploymentId/drift/:feature',
  summary: 'Reference and current distributions of one feature, with the drift statistic and its rule',
  params: deploymentParams.extend({ feature: z.string().min(1).max(256) }),
  query: rangeQuery,
  response: distributionSchema,
});

export const getPredictionDistribution = defineRoute({
  method: 'GET',
  path: '/api/v1/deployments/:deploymentId/predictions/distribution',
  summary: 'Reference and current distributions of the prediction',
  params: deploymentParams,
  query: rangeQuery,
  response: distributionSchema.nullable(),
});

export const latencyWindowSchema = z.object({
  start: isoDateTime,
  count: z.number(),
  errors: z.number(),
  p50: z.number().nullable(),
  p90: z.number().nullable(),
  p95: z.number().nullable(),
  p99: z.number().nullable(),
});
export type LatencyWindow = z.infer<typeof latencyWindowSchema>;

export const getLatency = defineRoute({
  method: 'GET',
  path: '/api/v1/deployments/:deploymentId/latency',
  summary: 'Latency percentiles (DDSketch, ±1 %), throughput and errors per window',
  params: deploymentParams,
  query: seriesQuery,
  response: z.object({ version: z.string().nullable(), resolution: resolutionSchema, windows: z.array(latencyWindowSchema) }),
});

export const getPerformance = defineRoute({
  method: 'GET',
  path: '/api/v1/deployments/:deploymentId/performance',
  summary: 'Model performance per window from labelled predictions',
  params: deploymentParams,
  query: seriesQuery,
  response: z.object({
    version: z.string().nullable(),
    resolution: resolutionSchema,
    taskType: z.enum(['classification', 'regression']).nullable(),
    metrics: z.array(z.string()),
    reference: z.record(z.string(), z.number()).nullable(),
    windows: z.array(z.object({ start: isoDateTime, labelled: z.number(), values: z.record(z.string(), z.number()) })),
  }),
});

export const versionHealthSchema = z.object({
  version: z.string(),
  count: z.number(),
  errorRate: z.number().nullable(),
  p50: z.number().nullable(),
  p95: z.number().nullable(),
  p99: z.number().nullable(),
  driftShare: z.number().nullable(),
  driftedFeatures: z.array(z.string()),
});
export type VersionHealth = z.infer<typeof versionHealthSchema>;

export const canaryRecommendationSchema = z.object({
  /** Argo/Flagger: Successful → continue (promote), Inconclusive → wait, Failed → roll back. */
  analysis: z.enum(['Successful', 'Inconclusive', 'Failed']),
  decision: z.enum(['promote', 'wait', 'rollback']),
  reasons: z.array(z.string()),
});
export type CanaryRecommendation = z.infer<typeof canaryRecommendationSchema>;

export const getCanaryComparison = defineRoute({
  method: 'GET',
  path: '/api/v1/deployments/:deploymentId/canary',
  summary: 'Canary versus stable: drift, latency and errors side by side, with a recommendation',
  params: deploymentParams,
  query: rangeQuery.omit({ version: true }),
  response: z.object({
    stable: versionHealthSchema.nullable(),
    canary: versionHealthSchema.nullable(),
    recommendation: canaryRecommendationSchema.nullable(),
  }),
});

export const driftSettingsSchema = z.object({
  driftShare: z.number().min(0.01).max(1),
  features: z.array(z.object({ feature: z.string().min(1).max(256), method: driftMethodSchema.nullable(), threshold: z.number().min(0).max(1000).nullable() })).max(500),
});
export type DriftSettings = z.infer<typeof driftSettingsSchema>;

export const getDriftSettings = defineRoute({
  method: 'GET',
  path: '/api/v1/deployments/:deploymentId/drift-settings',
  summary: 'Per-feature drift method and threshold overrides and the dataset drift share',
  params: deploymentParams,
  response: driftSettingsSchema,
});

export const putDriftSettings = defineRoute({
  method: 'PUT',
  path: '/api/v1/deployments/:deploymentId/drift-settings',
  summary: 'Override drift methods and thresholds per feature, and the dataset drift share',
  params: deploymentParams,
  body: driftSettingsSchema,
  response: driftSettingsSchema,
});
